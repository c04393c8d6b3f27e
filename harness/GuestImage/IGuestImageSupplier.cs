namespace Harness.GuestImage;

/// <summary>Gives the initramfs that holds the guest (built once, then from the cache).</summary>
public interface IGuestImageSupplier
{
    Task<GuestImage> BuildAsync(CancellationToken cancellationToken);
}
