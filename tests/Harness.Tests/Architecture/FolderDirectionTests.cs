using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Harness.Tests.Architecture;

/// <summary>
/// The harness's folders follow its flow, Config → Kernels and GuestImage → Vm → Judging → Records
/// → Reports, with Running on top and the verbs above it: a folder may use the ones below it and
/// never one above or beside it, so no two folders depend on each other (README, "How it works").
/// </summary>
public class FolderDirectionTests
{
    /// <summary>From the bottom up; folders on one line are peers and must not use each other.</summary>
    static readonly string[][] Layers =
    [
        ["Storage", "Processes"],
        ["Config"],
        ["Prerequisites"],
        ["KernelBuild"],
        ["Kernels"],
        ["GuestImage"],
        ["Vm"],
        ["Judging"],
        ["Records"],
        ["Reports"],
        ["Running"],
        ["Soak", "Bisect", "Doctor", "History", "Sharding"],
        ["Commands"],
    ];

    static readonly ArchUnitNET.Domain.Architecture Harness =
        new ArchLoader().LoadAssemblies(typeof(global::Harness.Commands.RunCommand).Assembly).Build();

    static IEnumerable<TestCaseData> Folders() =>
        Layers.SelectMany(layer => layer).Select(folder => new TestCaseData(folder).SetArgDisplayNames(folder));

    [Test]
    public void Every_folder_of_the_harness_is_in_a_layer()
    {
        var folders = Harness.Namespaces.Select(n => n.FullName).Where(n => n.StartsWith("Harness.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1]).Distinct();

        Assert.That(folders, Is.SubsetOf(Layers.SelectMany(layer => layer)), "a new folder needs its place in Layers");
    }

    [TestCaseSource(nameof(Folders))]
    public void A_folder_uses_no_folder_above_or_beside_it(string folder)
    {
        var index = Array.FindIndex(Layers, layer => layer.Contains(folder));
        var forbidden = Layers.Skip(index + 1).SelectMany(layer => layer).Concat(Layers[index].Where(peer => peer != folder));

        var violations = forbidden
            .Select(other => Types().That().ResideInNamespaceOrBelow($"Harness.{folder}")
                .Should().NotDependOnAnyTypesThat().ResideInNamespaceOrBelow($"Harness.{other}"))
            .SelectMany(rule => rule.Evaluate(Harness))
            .Where(result => !result.Passed)
            .Select(result => result.Description)
            .ToList();

        // The rule is only as good as its selection: a folder that selects no type would pass anything.
        Assert.That(Types().That().ResideInNamespaceOrBelow($"Harness.{folder}").GetObjects(Harness), Is.Not.Empty);
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void No_two_folders_depend_on_each_other()
    {
        // Worked out from the types' own dependencies, apart from Layers, so a wrong layer list cannot hide a cycle.
        var uses = Harness.Types
            // A generic method's type parameter is no dependency (ArchUnitNET can name it after another
            // type's method of the same name, as with the two source-generated JSON contexts).
            .SelectMany(type => type.Dependencies.Where(d => d.Target is not GenericParameter).Select(d => (From: Folder(type.Namespace?.FullName), To: Folder(d.Target?.Namespace?.FullName))))
            .Where(edge => edge.From is not null && edge.To is not null && edge.From != edge.To)
            .Distinct()
            .ToLookup(edge => edge.From!, edge => edge.To!);

        var cycles = uses.SelectMany(from => from.Where(to => Reaches(uses, to, from.Key)).Select(to => $"{from.Key} -> {to} -> ... -> {from.Key}")).ToList();

        Assert.That(uses.Count, Is.GreaterThan(5), "the dependencies were not read");
        Assert.That(cycles, Is.Empty);
    }

    static string? Folder(string? ns) => ns is not null && ns.StartsWith("Harness.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    static bool Reaches(ILookup<string, string> uses, string from, string target)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>([from]);
        while (next.TryPop(out var folder))
        {
            if (folder == target)
                return true;
            if (seen.Add(folder))
                foreach (var used in uses[folder])
                    next.Push(used);
        }
        return false;
    }
}
