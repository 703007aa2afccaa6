using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class LibraryStateConfiguration : IEntityTypeConfiguration<LibraryState>
{
    public void Configure(EntityTypeBuilder<LibraryState> builder)
    {
        builder.ToTable("LibraryState");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new LibraryState { Id = LibraryState.SingletonId, Revision = 0 });
    }
}
