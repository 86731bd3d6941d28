using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Email;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Invites a person to a clinic's staff by email, for the <c>clinics add</c> command and the
/// clinic's staff page alike: the invite is saved, then its one-time link is emailed.
/// </summary>
public sealed class ClinicStaffInvites(AppDbContext db, IEmailSender email, PublicLinks links, TimeProvider clock, ILogger<ClinicStaffInvites> logger)
{
    public static string JoinPath(string token) => $"/clinics/join/{token}";

    /// <summary>The link that was emailed, and whether the email went out (the invite is saved either way).</summary>
    public sealed record Outcome(bool Sent, string Link);

    /// <summary>Saves a new invite, with anything else the context is tracking (a new clinic), then emails it.</summary>
    public async Task<Outcome> InviteAsync(Clinic clinic, string address, string? invitedByUserId, string? invitedByEmail, CancellationToken cancellationToken)
    {
        var (token, hash) = SecretTokens.New();
        var invite = ClinicStaffInvite.Create(clinic.Id, address, invitedByUserId, hash, clock.GetUtcNow().UtcDateTime);
        db.ClinicStaffInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return await SendAsync(invite, token, clinic.Name, invitedByEmail, cancellationToken);
    }

    /// <summary>A new link for a waiting invite; the old link stops working.</summary>
    public async Task<Outcome> ResendAsync(ClinicStaffInvite invite, string clinicName, string? invitedByEmail, CancellationToken cancellationToken)
    {
        var (token, hash) = SecretTokens.New();
        invite.Renew(hash, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await SendAsync(invite, token, clinicName, invitedByEmail, cancellationToken);
    }

    private async Task<Outcome> SendAsync(ClinicStaffInvite invite, string token, string clinicName, string? invitedByEmail, CancellationToken cancellationToken)
    {
        var link = links.To(JoinPath(token));
        var body =
            $"""
             Hello,

             {invitedByEmail ?? "SecondOpinion"} invited you to join the staff of {clinicName} on SecondOpinion. SecondOpinion helps patients get a second opinion from another doctor, step by step. Clinic staff make links that start a patient's plan with the clinic filled in.

             To accept, open this link:
             {link}

             You will sign in, or create an account, with this email address: {invite.Email}.
             The link works once, for 7 days.

             If you did not expect this email, you can ignore it. Nothing happens unless you open the link.
             """;
        try
        {
            await email.SendAsync(new EmailMessage(invite.Email, $"Join {clinicName} on SecondOpinion", body), cancellationToken);
            return new Outcome(true, link);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The clinic staff invite email could not be sent");
            return new Outcome(false, link);
        }
    }
}
