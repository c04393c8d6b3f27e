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
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class DebianKernelMetaJson : JsonSerializerContext;
