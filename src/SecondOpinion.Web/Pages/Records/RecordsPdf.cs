using PdfSharp.Pdf;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Pdf;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>The records request as a PDF: the office's copy to sign, then the patient's copy.</summary>
public static class RecordsPdf
{
    public static byte[] Write(RecordsDocument document)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        using (var writer = new PdfTextWriter(pdf, Footer(document.Request)))
        {
            WriteCopy(writer, document, copyHeading: null);
            writer.NewPage();
            WriteCopy(writer, document, RecordsDocument.PatientCopyHeading);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Footer(RecordsRequest request) =>
        request.PatientDateOfBirth is { } born
            ? $"Records request for {request.PatientName}, born {RecordsWords.Date(born)}."
            : $"Records request for {request.PatientName}.";

    private static void WriteCopy(PdfTextWriter writer, RecordsDocument document, string? copyHeading)
    {
        if (copyHeading is not null)
        {
            writer.Paragraph(copyHeading, bold: true);
        }

        writer.Heading(document.Title);
        writer.Paragraph(document.LegalBasis);
        foreach (var paragraph in document.Opening)
        {
            writer.Paragraph(paragraph);
        }

        foreach (var section in document.Sections())
        {
            writer.Subheading(section.Heading);
            foreach (var row in section.Rows)
            {
                writer.Labelled(row.Label, row.Lines);
            }

            foreach (var paragraph in section.Paragraphs)
            {
                writer.Paragraph(paragraph);
            }
        }

        writer.KeepTogether(6 + (2 * document.SignerRows().Count));
        writer.Subheading("Signature");
        foreach (var row in document.SignerRows())
        {
            writer.Labelled(row.Label, row.Lines);
        }

        foreach (var line in document.SignatureLines)
        {
            writer.SignatureLine(line);
        }

        if (document.PatientCopyNote is not null)
        {
            writer.Paragraph(document.PatientCopyNote);
        }
    }
}
