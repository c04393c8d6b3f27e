using Harness.Vm;
using Protocol;
using static Harness.Tests.Judging.ConsoleExcerpts;

namespace Harness.Tests.Vm;

public class ConsoleTimelineTests
{
    static FindingPlace PlaceOf(string[] console) =>
        ConsoleTimeline.Read(console).Place(ConsoleScanner.Scan(console).First());

    [Test]
    public void The_markers_are_read_with_their_line_numbers()
    {
        var timeline = ConsoleTimeline.Read(Console(Boot, GuestStarts, Scenario("alpha"), Scenario("beta"), Done, GuestExits()));

        Assert.That(timeline, Is.EqualTo(new ConsoleTimeline(5, [new ScenarioSpan("alpha", 6, 7), new ScenarioSpan("beta", 8, 9)], 10, 11)));
    }

    [Test]
    public void A_scenario_without_an_end_owns_the_lines_up_to_the_guests_exit()
    {
        var place = PlaceOf(Console(Boot, GuestStarts, [ConsoleMarkers.Begin("alpha")], RefcountWarning, GuestExits(139)));

        Assert.That((place.Window, place.Scenario), Is.EqualTo((ConsoleWindow.Scenario, "alpha")));
    }

    [Test]
    public void Without_inits_start_line_the_first_marker_ends_the_boot()
    {
        Assert.That(PlaceOf(Console(Boot, RefcountWarning, Scenario("alpha"), Done)).Window, Is.EqualTo(ConsoleWindow.Boot));
        Assert.That(PlaceOf(Console(Boot, Scenario("alpha", RefcountWarning), Done)).Window, Is.EqualTo(ConsoleWindow.Scenario));
    }

    [Test]
    public void A_console_with_only_inits_lines_has_no_markers_and_places_nothing() =>
        Assert.That(PlaceOf(Console(Boot, GuestStarts, RefcountWarning, GuestExits())).Window, Is.EqualTo(ConsoleWindow.Unmarked));
}
