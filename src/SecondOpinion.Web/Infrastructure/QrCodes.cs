using QRCoder;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>QR codes for printed pages (QRCoder), as PNG data URIs: the security policy allows data: images, and nothing is fetched.</summary>
public static class QrCodes
{
    /// <summary>A QR code for the text, with medium error correction and 8 pixels per module: sharp when printed, and readable by a phone camera.</summary>
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
