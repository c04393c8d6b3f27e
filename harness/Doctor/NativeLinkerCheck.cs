namespace Harness.Doctor;

/// <summary>The native linker (and symbol stripper) NativeAOT needs to turn the guest into one executable.</summary>
public static class NativeLinkerCheck
{
    public const string Name = "linker";

    public static async Task<CheckResult> RunAsync(string? pathVariable, CancellationToken ct)
    {
        var tools = NativeToolchain.Find(pathVariable);
        if (tools.Linker is null)
            return CheckResult.Missing(Name, "neither clang nor gcc is on PATH (NativeAOT links the guest with one of them)", "clang");
        if (tools.ObjCopy is null)
            return CheckResult.Missing(Name, $"{tools.Linker} is there but objcopy is not (the guest's symbols are stripped with it)", "binutils");
        var version = await ToolOutput.FirstLineAsync(tools.Linker, ["--version"], ct);
        var why = tools.LinksWithClang ? "the SDK prefers clang" : "clang is not on PATH, so the SDK links with gcc";
        return CheckResult.Ok(Name, $"{version ?? Path.GetFileName(tools.Linker)} at {tools.Linker} ({why}); strips with {tools.ObjCopy}");
    }
}
