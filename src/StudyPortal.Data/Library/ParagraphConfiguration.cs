using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class ParagraphConfiguration : IEntityTypeConfiguration<Paragraph>
{
    public void Configure(EntityTypeBuilder<Paragraph> builder)
    {
        builder.HasIndex(p => new { p.SectionId, p.Position }).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
