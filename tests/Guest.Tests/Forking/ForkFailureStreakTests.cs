using Guest.Forking;

namespace Guest.Tests.Forking;

public class ForkFailureStreakTests
{
    [Test]
    public void The_limit_is_reached_on_the_tenth_failure_in_a_row_not_before()
    {
        var streak = new ForkFailureStreak();

        for (var failure = 1; failure < ForkFailureStreak.Limit; failure++)
            Assert.That(streak.RecordFailure(), Is.False, $"failure {failure}");

        Assert.That(streak.RecordFailure(), Is.True);
        Assert.That(streak.Length, Is.EqualTo(10));
    }

    [Test]
    public void A_successful_fork_starts_the_streak_over()
    {
        var streak = new ForkFailureStreak();
        for (var failure = 1; failure < ForkFailureStreak.Limit; failure++)
            streak.RecordFailure();

        streak.RecordSuccess();

        Assert.That(streak.Length, Is.Zero);
        Assert.That(streak.RecordFailure(), Is.False);
    }
}
