using System.Text;
using Harness.Records;
using Harness.Vm;

namespace Harness.Reports.Html;

/// <summary>What every row shares, lifted above the table: host, QEMU, the accelerator and why, the guest image, the harness, the run.</summary>
static class EnvironmentSection
{
    public static void Write(StringBuilder html, RunRecord run)
    {
        html.AppendLine("<section id=\"environment\"><h2>Environment</h2><dl class=\"facts\">");
        Fact(html, "run", $"{run.RunId} (started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {Duration(run.Finished - run.Started)})");
        Fact(html, "harness", run.HarnessVersion);
        Fact(html, "host", $"{run.Host.Name}: {run.Host.Os}, {run.Host.Cpus} CPUs, kernel {run.Host.KernelRelease}");
        Fact(html, "QEMU", run.Vm.QemuVersion);
        Fact(html, "accel", $"{run.Vm.Accel?.Word() ?? "none"} ({run.Vm.AccelReason})");
        if (run.Vm.KvmProof is { } proof)
            Fact(html, "KVM proof", $"{proof.Kernel} reached user space under KVM in {Html.Number(proof.SecondsToUserSpace, "0.0")} s");
        if (run.Vm.AccelFallback is { } fallback)
            Fact(html, "fell back to TCG", $"on {fallback.Kernel}: {fallback.Reason}");
        Fact(html, "guest image", run.Guest.ContentHash + (run.Guest.FromCache ? " (from the cache)" : $" (built in {Html.Number(run.Guest.BuildSeconds, "0.0")} s)"));
        // The file's name only: the full path says where the checkout lay on the machine, which the
        // reader of a published report has no use for; it stays in run.json and in the tooltip.
        html.Append("<dt>matrix</dt><dd title=\"").Append(Html.Encode(run.MatrixFile)).Append("\">")
            .Append(Html.Encode(Path.GetFileName(run.MatrixFile))).AppendLine("</dd>");
        html.AppendLine("</dl></section>");
    }

    static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(Html.Encode(name)).Append("</dt><dd>").Append(Html.Encode(value)).AppendLine("</dd>");

    static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{Html.Number(span.TotalSeconds, "0")} s";
}
