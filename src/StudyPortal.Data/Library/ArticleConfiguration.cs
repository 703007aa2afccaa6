using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => new { a.DocumentId, a.Position }).IsUnique();
        builder.HasMany(a => a.Sections).WithOne(s => s.Article).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
