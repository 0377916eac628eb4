package dev.polder.runtime.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The hash-chained, append-only audit log. Any number of threads append; one writer thread gives
 * each record its sequence number and the hash of the record before it, writes the lines in that
 * order and forces them to disk as the {@link FsyncPolicy} says. A caller is released (its future
 * completes) only when its record is as durable as the policy promises, so an acknowledged record
 * is never lost or reordered. Once a write fails, the log refuses every later record (fail closed):
 * the requests they belong to must fail too.
 */
public final class AuditLog implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
  private static final int MAX_BATCH = 1024;

  private final AuditConfig config;
  private final Clock clock;
  private final BlockingQueue<Pending> queue;
  private final ReadWriteLock admission = new ReentrantReadWriteLock();
  private final Thread writer;
  private final List<String> recoveryNotes;
  private final HeadAnchor head;
  private final AtomicLong recordsWritten = new AtomicLong();
  private final AtomicLong forces = new AtomicLong();
  private volatile boolean closing;
  private volatile AuditLogException failure;

  // Owned by the writer thread after construction.
  private long lastSeq;
  private String lastHash;
  private FileChannel segment;
  private Path segmentPath;
  private long segmentSize;
  private Instant segmentStarted;
  private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private int previousBatchSize;

  private record Pending(byte[] recordBytes, CompletableFuture<AuditReceipt> done) {}

  private AuditLog(AuditConfig config, Clock clock) throws IOException {
    this.config = config;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    Files.createDirectories(config.directory());
    this.head = HeadAnchor.openIn(config.directory());
    TailRecovery.Position position;
    try {
      position = TailRecovery.recover(config.directory());
      if (position.newestFile().isPresent()) {
        segmentPath = position.newestFile().get();
        segment =
            FileChannel.open(segmentPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentSize = segment.size();
        segmentStarted = SegmentName.parse(segmentPath).orElseThrow().started();
      }
    } catch (IOException | RuntimeException e) {
      head.close();
      throw e;
    }
    this.recoveryNotes = position.notes();
    recoveryNotes.forEach(note -> LOG.log(System.Logger.Level.WARNING, "audit log: " + note));
    this.lastSeq = position.lastSeq();
    this.lastHash = position.lastHash();
    this.writer = new Thread(this::runWriter, "polder-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Opens the log in {@code config.directory()}, resuming the chain after its last complete record
   * (see {@link TailRecovery} for the torn-tail rule).
   *
   * @throws AuditLogException if the directory cannot be used or its tail is not what a crash
   *     leaves
   */
  public static AuditLog open(AuditConfig config) {
    return open(config, Clock.systemUTC());
  }

  static AuditLog open(AuditConfig config, Clock clock) {
    try {
      return new AuditLog(config, clock);
    } catch (IOException e) {
      throw new AuditLogException(
          "cannot open audit log in " + config.directory() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Queues a record; the future completes with its receipt once the record is durable per the fsync
   * policy, or fails with an {@link AuditLogException}. Waits while the queue is full.
   */
  public CompletableFuture<AuditReceipt> appendAsync(AuditRecord record) {
    byte[] bytes = AuditJson.recordBytes(record);
    admission.readLock().lock();
    try {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      if (closing) {
        return CompletableFuture.failedFuture(new AuditLogException("audit log is closed"));
      }
      Pending pending = new Pending(bytes, new CompletableFuture<>());
      queue.put(pending);
      return pending.done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(
          new AuditLogException(
              "interrupted before audit record " + record.requestId() + " was queued"));
    } finally {
      admission.readLock().unlock();
    }
  }

  /** Appends a record and returns once it is durable per the fsync policy. */
  public AuditReceipt append(AuditRecord record) {
    CompletableFuture<AuditReceipt> done = appendAsync(record);
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuditLogException failed) {
        throw failed;
      }
      throw new AuditLogException("audit append failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditLogException(
          "interrupted while audit record " + record.requestId() + " was being written");
    }
  }

  /** What opening the log repaired (torn tail, empty file), one sentence each. */
  public List<String> recoveryNotes() {
    return List.copyOf(recoveryNotes);
  }

  public AuditConfig config() {
    return config;
  }

  /** Records written and fsyncs done since open: their ratio is the mean group-commit size. */
  public long recordsWritten() {
    return recordsWritten.get();
  }

  public long forces() {
    return forces.get();
  }

  /** Writes what is queued, forces it to disk (whatever the policy) and closes the files. */
  @Override
  public void close() {
    admission.writeLock().lock();
    try {
      closing = true;
    } finally {
      admission.writeLock().unlock();
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runWriter() {
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        Pending first = queue.poll(20, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing && queue.isEmpty()) {
            break;
          }
          continue;
        }
        batch.add(first);
        gather(batch);
        writeBatch(batch);
        batch.clear();
      }
      if (segment != null) {
        segment.force(false);
      }
    } catch (Throwable e) {
      failure =
          new AuditLogException(
              "audit log in " + config.directory() + " failed and takes no more records: " + e, e);
      LOG.log(System.Logger.Level.ERROR, failure.getMessage(), e);
      batch.forEach(pending -> pending.done().completeExceptionally(failure));
    } finally {
      closeFiles();
      refuseAdmittedAppends();
    }
  }

  /** Answers appends still queued once the writer stops, and admits no more. */
  private void refuseAdmittedAppends() {
    AuditLogException refused =
        failure != null ? failure : new AuditLogException("audit log is closed");
    // An appender may hold the admission lock while it waits for room in the queue: keep
    // emptying the queue until the lock is ours, then no append can slip in behind the last drain.
    while (!admission.writeLock().tryLock()) {
      failQueued(refused);
      Thread.onSpinWait();
    }
    try {
      closing = true;
    } finally {
      admission.writeLock().unlock();
    }
    failQueued(refused);
  }

  private void failQueued(AuditLogException refused) {
    for (Pending left; (left = queue.poll()) != null; ) {
      left.done().completeExceptionally(refused);
    }
  }

  /**
   * Adds queued records to the batch. With {@link FsyncPolicy#BATCH} the writer first waits up to
   * the batch window for more, but only when the previous batch was shared: a lone appender
   * (nothing else arriving during the last fsync) would only pay the window without sharing it.
   */
  private void gather(List<Pending> batch) throws InterruptedException {
    Duration window = config.batchWindow();
    boolean concurrent = previousBatchSize > 1 || !queue.isEmpty();
    if (config.fsync() == FsyncPolicy.BATCH && !window.isZero() && concurrent) {
      long deadline = System.nanoTime() + window.toNanos();
      while (batch.size() < MAX_BATCH) {
        long left = deadline - System.nanoTime();
        Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          break;
        }
        batch.add(next);
      }
    }
    queue.drainTo(batch, MAX_BATCH - batch.size());
    previousBatchSize = batch.size();
  }

  private void writeBatch(List<Pending> batch) throws IOException {
    List<AuditReceipt> receipts = new ArrayList<>(batch.size());
    buffer.clear();
    for (Pending pending : batch) {
      byte[] line = AuditJson.line(lastSeq + 1, lastHash, pending.recordBytes());
      if (needsNewSegment(line.length + 1)) {
        flushBuffer();
        startSegment();
      }
      ensureCapacity(line.length + 1);
      buffer.put(line).put((byte) '\n');
      lastSeq++;
      lastHash = ChainHash.of(line);
      receipts.add(new AuditReceipt(lastSeq, lastHash, segmentPath));
      if (config.fsync() == FsyncPolicy.ALWAYS) {
        flushBuffer();
        force();
        head.write(lastSeq, lastHash);
        pending.done().complete(receipts.get(receipts.size() - 1));
      }
    }
    recordsWritten.addAndGet(batch.size());
    if (config.fsync() == FsyncPolicy.ALWAYS) {
      return;
    }
    flushBuffer();
    if (config.fsync() == FsyncPolicy.BATCH) {
      force();
    }
    head.write(lastSeq, lastHash);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(receipts.get(i));
    }
  }

  private boolean needsNewSegment(int lineBytes) {
    if (segment == null) {
      return true;
    }
    long size = segmentSize + buffer.position();
    if (size == 0) {
      return false; // an empty file takes any record, even one larger than the limit
    }
    return size + lineBytes > config.maxFileBytes()
        || !clock.instant().isBefore(segmentStarted.plus(config.maxFileAge()));
  }

  /** Closes the current file (forced unless the policy is none) and starts the next one. */
  private void startSegment() throws IOException {
    if (segment != null) {
      if (config.fsync() != FsyncPolicy.NONE) {
        force();
      }
      segment.close();
    }
    SegmentName name = new SegmentName(lastSeq + 1, clock.instant());
    segmentPath = config.directory().resolve(name.fileName());
    segment =
        FileChannel.open(
            segmentPath,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    segmentSize = segment.size();
    segmentStarted = name.started();
    if (config.fsync() != FsyncPolicy.NONE) {
      Directories.force(config.directory());
    }
  }

  private void flushBuffer() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      segmentSize += segment.write(buffer);
    }
    buffer.clear();
  }

  private void force() throws IOException {
    segment.force(false);
    forces.incrementAndGet();
  }

  private void ensureCapacity(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer larger =
          ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
      buffer.flip();
      larger.put(buffer);
      buffer = larger;
    }
  }

  private void closeFiles() {
    try {
      if (segment != null) {
        segment.close();
      }
      head.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "audit log: closing files failed: " + e);
    }
  }
}
