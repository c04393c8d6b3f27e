using Guest.Scenarios.AffinityPin;

namespace Guest.Tests.Scenarios.AffinityPin;

public class PinReportTests
{
    [Test]
    public void A_reset_report_is_not_complete_until_the_child_writes_the_marker()
    {
        var report = new PinReport { PinCount = 3 };
        Assert.That(report.HasCompleted(), Is.False);

        report.Completed = PinReport.CompletedMarker;

        Assert.That(report.HasCompleted(), Is.True);
    }
}
