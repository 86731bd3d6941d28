namespace SecondOpinion.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@secondopinion.local";
    public string FromName { get; set; } = "SecondOpinion";

    /// <summary>Where emails are written as .eml files when no SMTP host is set. Relative paths are under the app's folder.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("data", "mail");

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Use STARTTLS when the server offers it (port 587), or TLS from the start (port 465).</summary>
    public bool UseTls { get; set; } = true;
}
