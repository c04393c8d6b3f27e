using Harness.Running;

namespace Harness.Tests.Running;

public class VmParallelismTests
{
    [Test]
    public void Two_vms_of_four_vcpus_on_two_cores_are_clamped_to_one_with_a_note_naming_the_flag()
    {
        var parallelism = VmParallelism.Decide(requested: 2, oversubscribe: false, hostCores: 2, vcpus: 4, runs: 10);

        Assert.That(parallelism.Jobs, Is.EqualTo(1));
        Assert.That(parallelism.Note, Is.EqualTo("-j 2 would run 2 VMs of up to 4 vCPUs on 2 host cores: running 1 at a time (--oversubscribe runs 2)"));
    }

    [Test]
    public void Oversubscribe_keeps_the_jobs_asked_for()
    {
        Assert.That(VmParallelism.Decide(2, oversubscribe: true, hostCores: 2, vcpus: 4, runs: 10), Is.EqualTo(new VmParallelism(2, null)));
    }

    [Test]
    public void Vms_that_fit_in_the_cores_run_as_many_as_asked()
    {
        Assert.That(VmParallelism.Decide(4, oversubscribe: false, hostCores: 16, vcpus: 4, runs: 10), Is.EqualTo(new VmParallelism(4, null)));
    }

    [Test]
    public void Fourteen_cores_take_three_vms_of_four_vcpus_when_j_asks_five()
    {
        Assert.That(VmParallelism.Decide(5, oversubscribe: false, hostCores: 14, vcpus: 4, runs: 10).Jobs, Is.EqualTo(3));
    }

    [Test]
    public void More_jobs_than_boots_run_one_job_per_boot_without_a_note()
    {
        Assert.That(VmParallelism.Decide(8, oversubscribe: false, hostCores: 64, vcpus: 1, runs: 3), Is.EqualTo(new VmParallelism(3, null)));
    }

    [Test]
    public void One_job_is_never_clamped_even_when_one_vm_alone_exceeds_the_cores()
    {
        Assert.That(VmParallelism.Decide(1, oversubscribe: false, hostCores: 2, vcpus: 4, runs: 10), Is.EqualTo(VmParallelism.Serial));
    }
}
