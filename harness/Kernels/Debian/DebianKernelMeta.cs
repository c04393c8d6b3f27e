using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Kernels.Debian;

/// <summary>The <c>meta.json</c> beside a cached vmlinuz: what it is and the hash that proves it intact.</summary>
public sealed record DebianKernelMeta(
    string Package,
    string Version,
    string Suite,
    string ImagePackage,
    string ImageVersion,
    string ImageMember,
    string DebSha256,
    string ImageSha256,
    DateTimeOffset FetchedAt);

[JsonSerializable(typeof(DebianKernelMeta))]
internal sealed partial class DebianKernelMetaJson : JsonSerializerContext
{
    // Relaxed escaping keeps "+" and "~" of Debian versions readable in the file instead of \u002B.
    public static DebianKernelMetaJson Readable { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
