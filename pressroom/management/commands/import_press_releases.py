"""Imports press releases, and the other line types apps register, from a JSON Lines file;
see docs/import-format.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pressroom.importing.progress import command_import


class Command(BaseCommand):
    help = "Import press releases from a JSON Lines file, upserting by external_id."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The .jsonl file to import.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish new and changed releases; without it they are saved as drafts.",
        )

    def handle(self, *args, path: Path, publish: bool, verbosity: int, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        total = _line_count(path) if self.stdout.isatty() else None
        # Opened in binary and read line by line: the file is never held in memory,
        # and a line that is not UTF-8 is rejected alone instead of ending the import.
        with path.open("rb") as lines:
            summary = command_import(
                command=self,
                lines=lines,
                total=total,
                publish=publish,
                source=path.name,
                verbosity=verbosity,
            )
        self.stdout.write(f"{path.name}: {summary}")
        if summary.rejected:
            raise CommandError(f"{summary.rejected} line(s) rejected; see the messages above")


def _line_count(path: Path) -> int:
    """Counts lines in 1 MiB chunks, so the bar can show an ETA without reading lines."""
    count = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            count += chunk.count(b"\n")
    return count
