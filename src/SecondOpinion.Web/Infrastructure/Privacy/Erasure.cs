using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Infrastructure.Privacy;

/// <summary>What deleting a plan takes away, counted before it happens, in words a person reads.</summary>
public sealed record PlanContents(Guid PlanId, string Title, IReadOnlyList<string> Lines);

/// <summary>A plan the person is the only owner of: it is deleted, unless they hand it to one of its caregivers.</summary>
public sealed record OwnedPlan(PlanContents Contents, IReadOnlyList<(string UserId, string Email)> Caregivers);

/// <summary>What deleting an account does to each of the person's plans.</summary>
public sealed record AccountPlans(IReadOnlyList<OwnedPlan> OnlyOwner, IReadOnlyList<string> OthersKeep);

/// <summary>
/// The one place that really deletes: a plan with everything in it (the database deletes its rows
/// with it, deleted questions and reading items too), and an account with every trace of the
/// person (memberships, invites they sent or were sent, their name on activity lines and on the
/// packet links, start links and staff invites they made, which keep working for others; their
/// place on a clinic's staff, their passkeys and their security events go with the account).
/// </summary>
public sealed class Erasure(AppDbContext db, UserManager<IdentityUser> users, ActivityLog activity)
{
    public async Task<PlanContents> CountAsync(Guid planId, CancellationToken cancellationToken)
    {
        var title = await db.PlanTitleAsync(planId, cancellationToken);
        var counts = new (int Count, string One, string Many)[]
        {
            (await db.StepProgress.OfPlan(planId).CountAsync(s => s.Notes != null || s.Status != StepStatus.NotStarted, cancellationToken), "step with your notes or status", "steps with your notes or status"),
            (await db.Doctors.OfPlan(planId).CountAsync(cancellationToken), "doctor", "doctors"),
            (await db.InsuranceCalls.OfPlan(planId).CountAsync(cancellationToken), "insurance call", "insurance calls"),
            (await db.RecordsRequests.OfPlan(planId).CountAsync(cancellationToken), "records request", "records requests"),
            (await db.Questions.OfPlan(planId).CountAsync(cancellationToken), "question", "questions"),
            (await db.ReadingItems.OfPlan(planId).CountAsync(cancellationToken), "place to read", "places to read"),
            (await db.Visits.OfPlan(planId).CountAsync(v => v.StartsAtUtc != null || v.Place != null || v.Medicines != null, cancellationToken), "visit", "visits"),
            (await db.Opinions.OfPlan(planId).CountAsync(cancellationToken), "opinion", "opinions"),
            (await db.PlanActivities.OfPlan(planId).CountAsync(cancellationToken), "line in the activity list", "lines in the activity list"),
            (await db.PlanMembers.OfPlan(planId).CountAsync(cancellationToken) - 1, "other person's access", "other people's access"),
        };
        var lines = counts.Where(c => c.Count > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {(c.Count == 1 ? c.One : c.Many)}"))
            .ToList();
        return new PlanContents(planId, title, ["The plan's details", .. lines]);
    }

    public async Task DeletePlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.Plans.Where(p => p.Id == planId).ExecuteDeleteAsync(cancellationToken);

    public async Task<AccountPlans> PlansOfAsync(string userId, CancellationToken cancellationToken)
    {
        var memberships = await db.PlanMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.JoinedAtUtc).ToListAsync(cancellationToken);
        var onlyOwner = new List<OwnedPlan>();
        var othersKeep = new List<string>();
        foreach (var membership in memberships)
        {
            var others = await db.PlanMembers.OfPlan(membership.PlanId).Where(m => m.UserId != userId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Role, u.Email })
                .ToListAsync(cancellationToken);
            if (membership.Role == PlanRole.Owner && others.All(m => m.Role != PlanRole.Owner))
            {
                var caregivers = others.Where(m => m.Role == PlanRole.Caregiver).Select(m => (m.UserId, m.Email ?? "")).ToList();
                onlyOwner.Add(new OwnedPlan(await CountAsync(membership.PlanId, cancellationToken), caregivers));
            }
            else
            {
                othersKeep.Add(await db.PlanTitleAsync(membership.PlanId, cancellationToken));
            }
        }

        return new AccountPlans(onlyOwner, othersKeep);
    }

    /// <summary>
    /// Deletes the account and all of the person's data, in one transaction. Each plan they are
    /// the only owner of is deleted, or given to the caregiver named in <paramref name="handOvers"/>
    /// (plan id to the caregiver's user id). Plans with other owners stay with them.
    /// </summary>
    public async Task<IdentityResult> DeleteAccountAsync(IdentityUser user, IReadOnlyDictionary<Guid, string> handOvers, CancellationToken cancellationToken)
    {
        var plans = await PlansOfAsync(user.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var owned in plans.OnlyOwner)
        {
            var planId = owned.Contents.PlanId;
            if (handOvers.TryGetValue(planId, out var heir) && owned.Caregivers.Any(c => c.UserId == heir))
            {
                await db.PlanMembers.OfPlan(planId).Where(m => m.UserId == heir)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, PlanRole.Owner), cancellationToken);
                activity.Add(planId, heir, ActivityPhrases.HandedOverAtAccountDeletion);
            }
            else
            {
                await DeletePlanAsync(planId, cancellationToken);
            }
        }

        await db.PlanInvites.Where(i => i.CreatedByUserId == user.Id || i.AcceptedByUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.PlanInvites.SentTo(user.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
        await db.PlanActivities.Where(a => a.ActorUserId == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ActorUserId, (string?)null), cancellationToken);
        await db.PacketLinks.Where(l => l.CreatedByUserId == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.CreatedByUserId, (string?)null), cancellationToken);
        await db.StartLinks.Where(l => l.CreatedByUserId == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.CreatedByUserId, (string?)null), cancellationToken);
        await db.ClinicStaffInvites.Where(i => i.CreatedByUserId == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.CreatedByUserId, (string?)null), cancellationToken);
        await db.ClinicStaffInvites.Where(i => i.AcceptedByUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ClinicStaffInvites.SentTo(user.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
        // The rate limit counts of the person's own sign-ins, resets and invites (hashes of their email and id).
        string[] counted = [.. RateLimitPolicies.All.SelectMany(p => new[] { RateLimitCounters.AccountKey(p, user.Email ?? ""), RateLimitCounters.AccountKey(p, user.Id) })];
        await db.RateLimitCounters.Where(c => counted.Contains(c.Key)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Identity deletes the account row and, with it, its memberships, claims, logins and tokens.
        var result = await users.DeleteAsync(user);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
