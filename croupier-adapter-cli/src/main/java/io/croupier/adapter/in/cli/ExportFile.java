package io.croupier.adapter.in.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An export file, written under a temporary name in the target's folder and moved to the target
 * only once complete, so that the target never contains part of an export. The temporary file is
 * readable by its owner only, and so is the target after the move. A process killed during the
 * export leaves the temporary file, named {@code .croupier-export-*.tmp}, behind.
 */
final class ExportFile implements AutoCloseable {

  static final String TEMPORARY_PREFIX = ".croupier-export-";
  static final String TEMPORARY_SUFFIX = ".tmp";

  private final Path target;
  private final boolean replace;
  private final Path temporary;
  private final FileChannel channel;
  private final BufferedWriter writer;
  private boolean committed;

  private ExportFile(Path target, boolean replace, Path temporary, FileChannel channel) {
    this.target = target;
    this.replace = replace;
    this.temporary = temporary;
    this.channel = channel;
    this.writer =
        new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 64 * 1024);
  }

  /**
   * Checks that an export can be written to the target, before the store is opened.
   *
   * @throws CliFailure if the target's folder is missing, the target is a folder, or it exists and
   *     {@code replace} is false
   */
  static void check(Path target, boolean replace) {
    Path folder = folderOf(target);
    if (!Files.isDirectory(folder)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The folder '" + folder + "' of the output file does not exist; create it first");
    }
    if (Files.isDirectory(target)) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT, "The output file '" + target + "' is a folder; name a file");
    }
    if (Files.exists(target) && !replace) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The output file '" + target + "' already exists; pass --force to replace it");
    }
  }

  /**
   * Creates the temporary file next to the target.
   *
   * @throws CliFailure if the temporary file cannot be created in the folder
   */
  static ExportFile create(Path target, boolean replace) {
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folderOf(target), TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      return new ExportFile(target, replace, temporary, channel);
    } catch (IOException failure) {
      deleteQuietly(temporary);
      throw writeFailure(target, failure);
    }
  }

  /** Returns the writer of the temporary file. */
  Writer writer() {
    return writer;
  }

  /**
   * Writes the buffered lines, forces them to the disk, and moves the file to the target.
   *
   * @throws CliFailure if writing fails, or the target appeared meanwhile and may not be replaced
   */
  void commit() {
    try {
      writer.flush();
      channel.force(true);
      writer.close();
      if (replace) {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Without REPLACE_EXISTING the move fails if the target exists, where an atomic move
        // could replace it silently.
        Files.move(temporary, target);
      }
      committed = true;
    } catch (FileAlreadyExistsException appeared) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The output file '"
              + target
              + "' was created by someone else during the export; pass --force to replace it");
    } catch (IOException failure) {
      throw writeFailure(target, failure);
    }
  }

  /** Deletes the temporary file unless {@link #commit} moved it to the target. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      writer.close();
    } catch (IOException ignored) {
      // The file is deleted next, so what it failed to write does not matter.
    }
    deleteQuietly(temporary);
  }

  /** Returns the failure of a write to the export file. */
  static CliFailure writeFailure(Path target, IOException failure) {
    return new CliFailure(
        ExitCodes.FILE_FAILED,
        "Writing the export to '"
            + target
            + "' failed, and the file was left unchanged: "
            + IoFailures.reason(failure));
  }

  private static Path folderOf(Path target) {
    Path folder = target.toAbsolutePath().getParent();
    return folder == null ? target.toAbsolutePath() : folder;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Only a hidden temporary file remains, never a part of the export under the target's name.
    }
  }
}
