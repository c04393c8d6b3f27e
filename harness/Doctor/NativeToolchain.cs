using Harness.Prerequisites;

namespace Harness.Doctor;

/// <summary>
/// The native tools the SDK's NativeAOT publish calls, chosen as its Microsoft.NETCore.Native.Unix.targets
/// chooses them: the linker is clang when on PATH, else gcc; the guest's StripSymbols then needs
/// llvm-objcopy or objcopy after clang, objcopy after gcc.
/// </summary>
/// <param name="Linker">The linker's path, or null when neither clang nor gcc is on PATH.</param>
/// <param name="ObjCopy">The objcopy's path, or null when the linker has none to go with it.</param>
public sealed record NativeToolchain(string? Linker, string? ObjCopy)
{
    public static NativeToolchain Find(string? pathVariable = null)
    {
        var clang = PathSearch.Find("clang", pathVariable);
        var linker = clang ?? PathSearch.Find("gcc", pathVariable);
        var objCopy = (clang is null ? null : PathSearch.Find("llvm-objcopy", pathVariable)) ?? PathSearch.Find("objcopy", pathVariable);
        return new NativeToolchain(linker, objCopy);
    }

    public bool LinksWithClang => Linker is not null && Path.GetFileName(Linker) == "clang";
}
