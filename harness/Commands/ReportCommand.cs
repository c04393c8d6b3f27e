using System.CommandLine;
using Harness.Reports;

namespace Harness.Commands;

/// <summary><c>harness report RUN_DIR</c>: writes every report file of a run folder again from its run.json.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("run-dir") { Description = "The run folder, such as results/latest or results/20261129-125847." };
        var command = new Command("report", $"Write the run folder's reports again from its run.json: {string.Join(", ", TableExporter.Standard.Select(e => e.FileName))}.")
        {
            folder,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runFolder = parse.GetValue(folder)!;
            try
            {
                var written = await RunReport.RenderAsync(runFolder, TableExporter.Standard, cancellationToken);
                Console.WriteLine($"wrote {string.Join(", ", written)} in {runFolder}");
                return ExitCodes.AllMet;
            }
            catch (RunFolderException exception)
            {
                // The input's fault, as a bad kernels.yaml is: one line, status 2, nothing written.
                await Console.Error.WriteLineAsync($"harness: {exception.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
