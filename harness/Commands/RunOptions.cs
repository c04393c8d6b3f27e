using System.CommandLine;
using Harness.Config;
using Harness.Running;
using Harness.Running.Progress;

namespace Harness.Commands;

/// <summary>The options of the verbs that run a matrix (run, soak), and how they become <see cref="RunSettings"/>.</summary>
public sealed class RunOptions
{
    public Option<string?> Matrix { get; } = CommonOptions.Matrix();
    public Option<string[]> Kernels { get; } = CommonOptions.Kernels();
    public Option<AccelChoice?> Accel { get; } = CommonOptions.Accel();
    public Option<string?> Cache { get; } = CommonOptions.Cache();
    public Option<string?> Results { get; } = CommonOptions.Results();
    public Option<string?> Qemu { get; } = CommonOptions.Qemu();

    public IEnumerable<Option> All => [Matrix, Kernels, Accel, Cache, Results, Qemu];

    /// <summary>-j and --oversubscribe: only <c>run</c> takes them (<see cref="VmParallelism"/>).</summary>
    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "Boot up to N kernels at once, as far as their vCPUs fit in the host's cores.",
        DefaultValueFactory = _ => 1,
        Validators = { result => { if (result.GetValueOrDefault<int>() is < 1 or > 64) result.AddError("-j takes a count from 1 to 64"); } },
    };
    public Option<bool> Oversubscribe { get; } = new("--oversubscribe") { Description = "Run -j's VMs at once even when their vCPUs exceed the host's cores." };

    /// <summary>--progress: only <c>run</c> takes it (<see cref="ProgressModeChoice"/>).</summary>
    public Option<ProgressMode> Progress { get; } = new("--progress")
    {
        Description = "live: a table of every kernel's phase redrawn in place; plain: one line per event; auto: live on a terminal, plain in CI or when redirected.",
        DefaultValueFactory = _ => ProgressMode.Auto,
    };

    /// <exception cref="MatrixException">The matrix is wrong, or names no kernel given with -k.</exception>
    public RunSettings Read(ParseResult parse)
    {
        var layout = RepositoryLayout.Locate();
        var matrix = Select(MatrixLoader.Load(parse.GetValue(Matrix) ?? layout.DefaultMatrix), parse.GetValue(Kernels) ?? []);
        return new RunSettings(
            layout.Root,
            matrix,
            parse.GetValue(Accel) ?? matrix.Defaults.Accel,
            Path.GetFullPath(parse.GetValue(Cache) ?? RepositoryLayout.DefaultCache),
            Path.GetFullPath(parse.GetValue(Results) ?? layout.DefaultResults),
            parse.GetValue(Qemu));
    }

    static Matrix Select(Matrix matrix, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
            return matrix;
        var unknown = names.Where(n => matrix.Kernels.All(k => k.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new MatrixException(SourceLocation.WholeFile(matrix.FilePath), $"no kernel named {string.Join(", ", unknown.Select(n => $"'{n}'"))}");
        return matrix with { Kernels = matrix.Kernels.Where(k => names.Contains(k.Name)).ToList() };
    }
}
