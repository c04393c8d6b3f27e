using System.Reflection;

namespace Harness.Tests.Architecture;

/// <summary>
/// <c>make test-fast</c> runs this project whole, with no filter: a slow test that lands here would
/// make it slow (or need QEMU or the network) without anyone noticing. Slow tests go to Harness.VmTests.
/// </summary>
public class FastProjectTests
{
    static readonly string[] SlowCategories = ["VM", "Network", "Build", "Browser"];

    [Test]
    public void No_test_of_the_fast_project_is_in_a_slow_category()
    {
        var slow = typeof(FastProjectTests).Assembly.GetTypes()
            .SelectMany(type => new MemberInfo[] { type }.Concat(type.GetMethods()))
            .Where(member => member.GetCustomAttributes<CategoryAttribute>(inherit: false).Any(c => SlowCategories.Contains(c.Name)))
            .Select(member => member is Type type ? type.FullName : $"{member.DeclaringType?.FullName}.{member.Name}")
            .ToList();

        Assert.That(slow, Is.Empty, "move these to tests/Harness.VmTests");
    }
}
