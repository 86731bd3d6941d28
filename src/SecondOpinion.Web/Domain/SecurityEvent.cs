namespace SecondOpinion.Web.Domain;

/// <summary>
/// Something that happened to an account's safety, shown to its owner on the account page. Only
/// who, what kind and when: no addresses, no devices, no health details. An account's deletion is
/// kept without a person (<see cref="UserId"/> null), so operators can count deletions.
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public string? UserId { get; set; }
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
    PasskeyAdded,
    PasskeyRemoved,
    SignedInWithPasskey,
    DataDownloaded,
    AccountDeleted,
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
        SecurityEventKind.PasskeyAdded => "You added a passkey.",
        SecurityEventKind.PasskeyRemoved => "You removed a passkey.",
        SecurityEventKind.SignedInWithPasskey => "You signed in with a passkey.",
        SecurityEventKind.DataDownloaded => "You downloaded your data.",
        SecurityEventKind.AccountDeleted => "An account was deleted.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
