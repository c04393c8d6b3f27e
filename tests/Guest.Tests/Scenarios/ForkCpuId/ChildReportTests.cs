using Guest.Scenarios.ForkCpuId;

namespace Guest.Tests.Scenarios.ForkCpuId;

public class ChildReportTests
{
    [Test]
    public void A_reset_report_is_not_complete_until_the_child_writes_the_marker()
    {
        var report = new ChildReport();
        Assert.That(report.HasCompleted(), Is.False);

        report.Completed = ChildReport.CompletedMarker;

        Assert.That(report.HasCompleted(), Is.True);
    }
}
