using Harness.GuestImage;

namespace Harness.Running;

/// <summary>Gives the initramfs that holds the guest (built once, then from the cache).</summary>
public interface IGuestImageSupplier
{
    Task<GuestImage.GuestImage> BuildAsync(CancellationToken cancellationToken);
}
