using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// The secret in every link that opens something without a password (invites, packet links,
/// start links): 256 bits from the operating system's cryptographic random source, URL-safe.
/// Only its SHA-256 hash is stored, so a copy of the database opens nothing; a row is found by
/// its hash and then confirmed with a constant-time comparison.
/// </summary>
public static class SecretTokens
{
    private const int TokenBytes = 32;

    /// <summary>A new token for the link, and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, Hash(token));
    }

    /// <summary>The hash stored for a token (64 hex characters).</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a token from a link is the one behind a stored hash, in constant time.</summary>
    public static bool Matches(string token, string storedHash) =>
        storedHash.Length == 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>A token as it appears in a link: the right length and only URL-safe characters; anything else is not looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
