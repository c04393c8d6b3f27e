using Harness.Kernels;

namespace Harness.Tests.Kernels;

public class KernelProvenanceTests
{
    [Test]
    public void A_debian_identity_gives_the_package_its_version_and_the_suite() =>
        Assert.That(KernelProvenance.FromDebian("linux-image-6.1.0-50-amd64=6.1.176-1", "bookworm").Debian,
            Is.EqualTo(new DebianPackageId("linux-image-6.1.0-50-amd64", "6.1.176-1", "bookworm")));

    [Test]
    public void A_clean_git_tree_gives_its_commit_and_no_uncommitted_changes()
    {
        var provenance = KernelProvenance.FromTree("git:0123456789abcdef0123456789abcdef01234567");

        Assert.That(provenance.TreeCommit, Is.EqualTo("0123456789abcdef0123456789abcdef01234567"));
        Assert.That(provenance.UncommittedChanges, Is.Null);
    }

    [Test]
    public void A_git_tree_with_changes_gives_its_commit_and_the_hash_of_the_changes()
    {
        var provenance = KernelProvenance.FromTree("git:0123456789abcdef0123456789abcdef01234567+dirty:fedcba9876543210");

        Assert.That(provenance.TreeCommit, Is.EqualTo("0123456789abcdef0123456789abcdef01234567"));
        Assert.That(provenance.UncommittedChanges, Is.EqualTo("fedcba9876543210"));
    }

    [Test]
    public void A_folder_that_is_not_a_git_tree_has_no_commit() =>
        Assert.That(KernelProvenance.FromTree("tree:/src/linux@2026-01-01T00:00:00.0000000Z").TreeCommit, Is.Null);
}
