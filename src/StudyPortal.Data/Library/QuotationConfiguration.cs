using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class QuotationConfiguration : IEntityTypeConfiguration<Quotation>
{
    public void Configure(EntityTypeBuilder<Quotation> builder)
    {
        builder.HasIndex(q => new { q.DocumentId, q.Position }).IsUnique();
        builder.HasIndex(q => q.Year);
        builder.HasIndex(q => q.Theme);
        builder.Property(q => q.Enumerator).HasMaxLength(16);
        // A quotation goes with the section and paragraph it was found in.
        builder.HasOne(q => q.Section).WithMany().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Paragraph).WithMany().HasForeignKey(q => q.ParagraphId).OnDelete(DeleteBehavior.Cascade);
    }
}
