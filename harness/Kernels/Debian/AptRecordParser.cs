using System.Globalization;

namespace Harness.Kernels.Debian;

/// <summary>Parses <c>apt-cache show</c> output (<see cref="Deb822"/>).</summary>
public static class AptRecordParser
{
    /// <summary>The first stanza (apt prints the version it selected first), or null when there is none.</summary>
    public static AptPackageRecord? ParseFirst(string showOutput)
    {
        if (Deb822.Stanzas(showOutput).FirstOrDefault() is not { } fields)
            return null;
        if (!fields.TryGetValue("Package", out var package) || !fields.TryGetValue("Version", out var version))
            return null;
        return new AptPackageRecord(
            package,
            version,
            fields.TryGetValue("Depends", out var depends) ? ParseRelations(depends) : [],
            fields.TryGetValue("Size", out var size) && long.TryParse(size, CultureInfo.InvariantCulture, out var bytes) ? bytes : null,
            fields.GetValueOrDefault("SHA256"));
    }

    /// <summary>Parses a Depends value: comma-separated groups of <c>|</c>-separated alternatives.</summary>
    public static IReadOnlyList<IReadOnlyList<AptRelation>> ParseRelations(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(group => (IReadOnlyList<AptRelation>)group
                .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseRelation)
                .ToList())
            .ToList();

    private static AptRelation ParseRelation(string text)
    {
        var paren = text.IndexOf('(');
        // "pkg:any" names the package "pkg" with an architecture qualifier.
        var name = (paren >= 0 ? text[..paren] : text).Trim().Split(':')[0];
        if (paren < 0)
            return new AptRelation(name, null);
        var constraint = text[(paren + 1)..].TrimEnd(')', ' ').Trim();
        // Only "=" pins a version; ">=", "<<" and the like start with another character.
        return constraint.StartsWith('=')
            ? new AptRelation(name, constraint[1..].Trim())
            : new AptRelation(name, null);
    }
}
