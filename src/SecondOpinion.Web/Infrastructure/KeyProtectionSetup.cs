using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// The data-protection keys sign the sign-in cookies, antiforgery tokens and password-reset links.
/// On SQLite they are kept in a folder (<c>DataProtection:KeysFolder</c>, by default a "keys"
/// folder beside the database file); on PostgreSQL in the database's <c>DataProtectionKeys</c>
/// table, so every instance shares one key ring. Either way, when <c>DataProtection:CertificatePath</c> names a .pfx file, encrypted
/// with that certificate (its password in <c>DataProtection:CertificatePassword</c>), so a copy of
/// the folder (or of the table) alone is useless. Without a certificate they are stored unencrypted, and the data
/// protection system logs a warning saying so.
/// </summary>
public static class KeyProtectionSetup
{
    public const string KeysFolderKey = "DataProtection:KeysFolder";
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("SecondOpinion");
        if (DatabaseSetup.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            keys.PersistKeysToDbContext<PostgreSqlAppDbContext>();
        }
        else
        {
            keys.PersistKeysToFileSystem(Directory.CreateDirectory(KeysFolder(configuration, environment)));
        }

        var certificatePath = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, environment.ContentRootPath), configuration[CertificatePasswordKey]);
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>The configured folder, or "keys" beside the database file (beside the app for an in-memory database).</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[KeysFolderKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        var database = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration, environment)).DataSource;
        return Path.IsPathRooted(database)
            ? Path.Combine(Path.GetDirectoryName(database)!, "keys")
            : Path.Combine(environment.ContentRootPath, "data", "keys");
    }
}
