using System.CommandLine;
using Harness.Config;
using Harness.GuestImage;
using Harness.Kernels;
using Harness.Prerequisites;
using Harness.Results;
using Harness.Running;
using Harness.Vm;

namespace Harness.Commands;

/// <summary><c>harness run</c>: boots every kernel of a matrix and prints the table.</summary>
public static class RunCommand
{
    /// <summary>Where the KVM device is, when not /dev/kvm (tests point it at a file that opens, to play a host with KVM).</summary>
    public const string KvmDeviceVariable = "HARNESS_KVM_DEVICE";

    public static Command Create()
    {
        var matrixOption = new Option<string?>("--matrix", "-m") { Description = "The kernels.yaml to run (default: kernels.yaml of the checkout)." };
        var kernelOption = new Option<string[]>("--kernel", "-k") { Description = "Run only the kernel of this name (repeatable).", AllowMultipleArgumentsPerToken = false };
        var accelOption = new Option<AccelChoice?>("--accel") { Description = "Override the matrix's accelerator: auto, kvm or tcg." };
        var cacheOption = new Option<string?>("--cache") { Description = "Cache folder for kernels, kernel builds and guest images (default: $HARNESS_CACHE, else ~/.cache/rseq-harness)." };
        var resultsOption = new Option<string?>("--results") { Description = "Folder that receives the run folder (default: results/ of the checkout)." };
        var repeatOption = new Option<int>("--repeat") { Description = "Boot each kernel this many times (to show flaky verdicts).", DefaultValueFactory = _ => 1 };
        repeatOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
                result.AddError("--repeat takes a count from 1 to 1000");
        });
        var qemuOption = new Option<string?>("--qemu") { Description = "The qemu-system-x86_64 to use (default: the one on PATH)." };
        var command = new Command("run", "Boot every kernel of the matrix under QEMU, run the guest, and print PASS/FAIL by kernel version.")
        {
            matrixOption, kernelOption, accelOption, cacheOption, resultsOption, repeatOption, qemuOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var layout = RepositoryLayout.Locate();
            var matrix = Select(MatrixLoader.Load(parse.GetValue(matrixOption) ?? layout.DefaultMatrix), parse.GetValue(kernelOption) ?? []);
            var accelChoice = parse.GetValue(accelOption) ?? matrix.Defaults.Accel;
            var cache = Path.GetFullPath(parse.GetValue(cacheOption) ?? RepositoryLayout.DefaultCache);
            var resultsRoot = Path.GetFullPath(parse.GetValue(resultsOption) ?? layout.DefaultResults);

            // Everything that can fail for a reason outside the kernels is checked before anything is written.
            var qemu = parse.GetValue(qemuOption);
            CheckPrerequisites(qemu, matrix);
            qemu ??= QemuRunner.DefaultQemu;
            var qemuVersion = await new QemuVersion(qemu).ReadAsync(cancellationToken);
            Console.WriteLine($"QEMU {qemuVersion}");
            var kvmDevice = Environment.GetEnvironmentVariable(KvmDeviceVariable) ?? AccelProbe.DefaultKvmDevice;
            var accel = new AccelResolver(
                accelChoice,
                new AccelProbe(qemu, kvmDevice),
                new AccelDecisionCache(cache, qemuVersion, AccelDecisionCache.ReadHostBootId(), kvmDevice),
                Console.WriteLine);
            accel.CheckUpFront();

            var folder = RunFolder.Create(resultsRoot, TimeProvider.System.GetUtcNow());
            var kernels = new KernelProvider(cache, Console.WriteLine);
            var guests = new GuestImageBuilder(layout.Root, cache, Console.WriteLine);
            var kernelRun = new KernelRun(kernels, new QemuRunner(qemu), TimeProvider.System);
            var runner = new MatrixRunner(kernelRun, guests, Console.WriteLine, TimeProvider.System);
            var record = await runner.RunAsync(matrix, parse.GetValue(repeatOption), qemuVersion, accel, HostInfoReader.Read(), folder, cancellationToken);

            var table = ResultTable.From(record);
            Console.WriteLine();
            Console.Write(PlainTable.Render(table));
            Console.WriteLine();
            foreach (var note in table.Notes)
                Console.WriteLine(note);
            Console.WriteLine();
            Console.WriteLine($"results: {folder.Path}");
            Console.WriteLine(record.AllMetExpectation ? "every kernel met its expectation" : "some kernels did NOT meet their expectation");
            return record.AllMetExpectation ? ExitCodes.AllMet : ExitCodes.ExpectationNotMet;
        });
        return command;
    }

    static void CheckPrerequisites(string? qemu, Matrix matrix)
    {
        if (qemu is not null && !File.Exists(qemu))
            throw new PrerequisiteException($"{qemu} not found (--qemu)");
        var forMatrix = Requirements.ForMatrix(Requirements.ForRun, matrix);
        var needed = qemu is null ? forMatrix : forMatrix.Where(r => r.Command != QemuRunner.DefaultQemu);
        var missing = PathSearch.Missing(needed);
        if (missing.Count > 0)
            throw new PrerequisiteException($"{string.Join(", ", missing.Select(r => r.Command))} not found: run 'make run' (or 'harness setup') to install {string.Join(" ", missing.Select(r => r.Package).Distinct())}");
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
