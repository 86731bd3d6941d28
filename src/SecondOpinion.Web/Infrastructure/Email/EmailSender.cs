using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SecondOpinion.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends mail over SMTP when a host is configured; otherwise writes each message as an .eml file
/// in the pickup folder, which is how development and tests read the emails the app sends.
/// </summary>
public sealed class MailKitEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<MailKitEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            logger.LogInformation("Email written to the pickup folder");
            return;
        }

        using var smtp = new SmtpClient();
        var security = settings.Smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None;
        await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await smtp.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Email sent over SMTP");
    }
}
