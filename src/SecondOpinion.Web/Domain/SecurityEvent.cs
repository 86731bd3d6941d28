namespace SecondOpinion.Web.Domain;

/// <summary>
/// Something that happened to an account's safety, shown to its owner on the account page. Only
/// who, what kind and when: no addresses, no devices, no health details.
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public SecurityEventKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    PasswordChanged,
    PasswordReset,
    EmailConfirmed,
    EmailChanged,
    SignedOutEverywhere,
    InviteSent,
    InviteAccepted,
}

public static class SecurityEventWords
{
    /// <summary>The line on the account page, in plain words.</summary>
    public static string Describe(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignedIn => "You signed in.",
        SecurityEventKind.SignInFailed => "Someone tried to sign in with a wrong password.",
        SecurityEventKind.LockedOut => "Sign-in was paused for a few minutes after too many wrong passwords.",
        SecurityEventKind.PasswordChanged => "Your password was changed.",
        SecurityEventKind.PasswordReset => "Your password was reset by an emailed link.",
        SecurityEventKind.EmailConfirmed => "Your email address was confirmed.",
        SecurityEventKind.EmailChanged => "Your email address was changed.",
        SecurityEventKind.SignedOutEverywhere => "You signed out on every other device.",
        SecurityEventKind.InviteSent => "You sent an invite to a plan.",
        SecurityEventKind.InviteAccepted => "You accepted an invite to a plan or a clinic.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
