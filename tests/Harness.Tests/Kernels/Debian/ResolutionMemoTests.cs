using Harness.Config;
using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class ResolutionMemoTests
{
    static readonly ArchiveMirror Mirror = new("http://mirror.invalid/debian");
    static readonly DebianKernelSource Source = new("linux-image-amd64", "sid");
    static readonly ResolvedDebianKernel Resolved = new("sid", "linux-image-6.17.1-amd64", "6.17.1-1", "linux-binary-6.17.1-amd64", "6.17.1-1", 12345);

    static async Task<(ScratchFolder Folder, PrivateAptState State)> PreparedStateAsync()
    {
        var folder = new ScratchFolder();
        var state = new PrivateAptState(folder.Path, "sid");
        await state.PrepareAsync(Mirror, CancellationToken.None);
        await state.MarkListsUpdatedAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        folder.Write("lists/mirror_dists_sid_main_binary-amd64_Packages", "Package: linux-image-amd64\n");
        return (folder, state);
    }

    [Test]
    public async Task A_memo_written_against_unchanged_lists_gives_back_the_same_resolution()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;

        await ResolutionMemo.WriteAsync(state, Source, Resolved, CancellationToken.None);

        Assert.That(await ResolutionMemo.TryReadAsync(state, Source, CancellationToken.None), Is.EqualTo(Resolved));
    }

    [Test]
    public async Task Updated_lists_make_the_memo_a_miss()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;
        await ResolutionMemo.WriteAsync(state, Source, Resolved, CancellationToken.None);

        await state.MarkListsUpdatedAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.That(await ResolutionMemo.TryReadAsync(state, Source, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_list_file_that_changed_makes_the_memo_a_miss_even_with_the_same_update_time()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;
        await ResolutionMemo.WriteAsync(state, Source, Resolved, CancellationToken.None);

        folder.Write("lists/mirror_dists_sid_main_binary-amd64_Packages", "Package: linux-image-amd64\nVersion: 2\n");

        Assert.That(await ResolutionMemo.TryReadAsync(state, Source, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_damaged_memo_is_a_miss_and_another_package_has_none()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;
        await ResolutionMemo.WriteAsync(state, Source, Resolved, CancellationToken.None);

        Assert.That(await ResolutionMemo.TryReadAsync(state, Source with { Package = "linux-image-rt-amd64" }, CancellationToken.None), Is.Null);

        folder.Write("resolved/linux-image-amd64.json", "{ not json");
        Assert.That(await ResolutionMemo.TryReadAsync(state, Source, CancellationToken.None), Is.Null);
    }

    static readonly DebianSourceTree SourceTree = new("linux-source-6.17", "sid");

    [Test]
    public async Task A_source_package_memo_gives_back_its_build_identity_until_the_lists_are_updated()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;
        await ResolutionMemo.WriteSourceAsync(state, SourceTree, "linux-source-6.17=6.17.1-1", CancellationToken.None);

        var before = await ResolutionMemo.TryReadSourceAsync(state, SourceTree, CancellationToken.None);
        await state.MarkListsUpdatedAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var after = await ResolutionMemo.TryReadSourceAsync(state, SourceTree, CancellationToken.None);

        Assert.That((before, after), Is.EqualTo(("linux-source-6.17=6.17.1-1", (string?)null)));
    }

    [Test]
    public async Task A_memo_of_the_other_kind_under_the_same_name_is_a_miss_both_ways()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;
        var sameName = SourceTree with { Package = Source.Package };

        await ResolutionMemo.WriteAsync(state, Source, Resolved, CancellationToken.None);
        var sourceFromKernelMemo = await ResolutionMemo.TryReadSourceAsync(state, sameName, CancellationToken.None);
        await ResolutionMemo.WriteSourceAsync(state, sameName, "linux-image-amd64=1", CancellationToken.None);
        var kernelFromSourceMemo = await ResolutionMemo.TryReadAsync(state, Source, CancellationToken.None);

        Assert.That((sourceFromKernelMemo, kernelFromSourceMemo), Is.EqualTo(((string?)null, (ResolvedDebianKernel?)null)));
    }

    [Test]
    public async Task A_source_memo_naming_another_package_or_an_unusable_version_is_a_miss()
    {
        var (folder, state) = await PreparedStateAsync();
        using var _ = folder;

        await ResolutionMemo.WriteSourceAsync(state, SourceTree, "linux-source-6.18=6.18.1-1", CancellationToken.None);
        var otherPackage = await ResolutionMemo.TryReadSourceAsync(state, SourceTree, CancellationToken.None);
        await ResolutionMemo.WriteSourceAsync(state, SourceTree, "linux-source-6.17=../../elsewhere", CancellationToken.None);
        var unusableVersion = await ResolutionMemo.TryReadSourceAsync(state, SourceTree, CancellationToken.None);

        Assert.That((otherPackage, unusableVersion), Is.EqualTo(((string?)null, (string?)null)));
    }
}
