using Guest.Rseq;
using Guest.Running;
using Guest.Scenarios;
using Protocol;

namespace Guest.Tests.Scenarios;

public class ScenarioCatalogTests
{
    [Test]
    public void Every_scenario_name_of_the_protocol_has_an_implementation_of_that_name()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);
        using var rseqOffChild = new RseqOffChild();
        var catalog = new ScenarioCatalog(libc, syscalls, new RseqRegistrar(libc, syscalls, RseqAbi.V1), rseqOffChild);

        foreach (var name in ScenarioNames.All)
            Assert.That(catalog.Create(name)?.Name, Is.EqualTo(name));
        Assert.That(catalog.Create("no_such_scenario"), Is.Null);
    }
}
