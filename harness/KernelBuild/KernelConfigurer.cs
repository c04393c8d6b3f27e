using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>
/// Makes the tree's .config: tinyconfig, the fragment merged over it, olddefconfig, once per tree (the
/// tree is keyed by the fragment). Checks every time that the fragment's options are all still there.
/// </summary>
sealed class KernelConfigurer(BuildLayout layout, MakeRunner make, Action<string> progress)
{
    string ConfigPath => Path.Combine(layout.ObjectDirectory, ".config");

    public async Task EnsureAsync(string fragmentPath, ConfigFragment fragment, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.ConfigMarker) || !File.Exists(ConfigPath))
        {
            progress("configuring: tinyconfig plus " + Path.GetFileName(fragmentPath));
            Directory.CreateDirectory(layout.ObjectDirectory);
            await make.RunAsync(["tinyconfig"], cancellationToken);
            var merged = ConfigMerge.Merge(await File.ReadAllTextAsync(ConfigPath, cancellationToken), fragment.Options);
            await File.WriteAllTextAsync(ConfigPath, merged, cancellationToken);
            await make.RunAsync(["olddefconfig"], cancellationToken);
            await AtomicFile.WriteAllTextAsync(layout.ConfigMarker, "", cancellationToken);
        }

        var config = KconfigText.Values(await File.ReadAllTextAsync(ConfigPath, cancellationToken));
        var lost = FragmentCheck.Lost(fragment, config);
        if (lost.Count > 0)
            throw new KernelBuildException($"{layout.Inputs.SourceIdentity}: options of {fragmentPath} did not survive olddefconfig: {string.Join(", ", lost)}");
    }
}
