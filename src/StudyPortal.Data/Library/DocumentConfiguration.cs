using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Document.TitleMaxLength);
        builder.Property(d => d.ImportedTitle).HasMaxLength(Document.TitleMaxLength);
        builder.HasIndex(d => d.ImportedTitle);
        builder.Property(d => d.Series).HasMaxLength(Document.SeriesMaxLength);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.HasIndex(d => d.ContentHash).IsUnique();
        builder.HasIndex(d => d.Title);
        builder.HasIndex(d => new { d.Series, d.Year });
        builder.HasOne(d => d.File).WithOne().HasForeignKey<DocumentFile>(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Articles).WithOne(a => a.Document).HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Sections).WithOne(s => s.Document).HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Quotations).WithOne(q => q.Document).HasForeignKey(q => q.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
