package dev.xct.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.journal.Verification.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Changes, removes, duplicates, reorders and truncates records, and checks where verify stops. */
class JournalTamperTest {
  private static final byte[] KEY = "tamper-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final int RECORDS = 3 * 8; // three runs of three steps: 8 records each

  @TempDir Path dir;

  private Path segment;
  private List<byte[]> lines;

  private void journal(boolean signed) throws IOException {
    JournalOptions.Builder options = JournalOptions.builder().durability(Durability.NONE);
    if (signed) {
      options.signingKey(KEY);
    }
    try (FileJournal journal = FileJournal.open(dir, options.build())) {
      for (String run : List.of("a", "b", "c")) {
        JournalEvents.run(run, 3).forEach(journal::append);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      segment = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    lines = new ArrayList<>();
    for (String line : Files.readAllLines(segment)) {
      lines.add(line.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(lines).hasSize(RECORDS);
  }

  private void write(List<byte[]> changed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : changed) {
      out.write(line);
      out.write('\n');
    }
    Files.write(segment, out.toByteArray());
  }

  private Verification verify(boolean signed) {
    JournalOptions.Builder options = JournalOptions.builder();
    if (signed) {
      options.signingKey(KEY);
    }
    try (FileJournal journal = FileJournal.openReadOnly(dir, options.build())) {
      return journal.verify();
    }
  }

  static Stream<Arguments> byteFlips() {
    Random random = new Random(42);
    return IntStream.range(0, 60).mapToObj(i -> Arguments.of(1 + random.nextInt(RECORDS), i));
  }

  @ParameterizedTest(name = "record {0}, flip {1}")
  @MethodSource("byteFlips")
  void changingAnyOneByteIsDetectedAtThatRecord(int record, int salt) throws IOException {
    journal(false);
    byte[] line = lines.get(record - 1).clone();
    int at = new Random(salt).nextInt(line.length);
    line[at] ^= 0x01;
    lines.set(record - 1, line);
    write(lines);

    Verification verification = verify(false);

    assertThat(verification.problem()).isPresent();
    Verification.Problem problem = verification.problem().orElseThrow();
    assertThat(problem.line()).isEqualTo(record);
    assertThat(problem.seq()).isEqualTo(record);
    assertThat(problem.kind()).isIn(Kind.CHANGED, Kind.MALFORMED);
    assertThat(verification.records()).isEqualTo(record - 1);
  }

  record Tamper(String name, UnaryOperator<List<byte[]>> change, Kind kind, long line, long seq) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Tamper> tampers() {
    return Stream.of(
        new Tamper("delete the first record", l -> without(l, 1), Kind.MISSING, 1, 1),
        new Tamper("delete record 7", l -> without(l, 7), Kind.MISSING, 7, 7),
        new Tamper(
            "delete records 7 to 9",
            l -> without(without(without(l, 7), 7), 7),
            Kind.MISSING,
            7,
            7),
        new Tamper("duplicate record 5", l -> inserted(l, 6, l.get(4)), Kind.INSERTED, 6, 6),
        new Tamper(
            "duplicate the last record",
            l -> inserted(l, RECORDS + 1, l.get(RECORDS - 1)),
            Kind.INSERTED,
            RECORDS + 1,
            RECORDS + 1),
        new Tamper("copy record 2 to later", l -> inserted(l, 12, l.get(1)), Kind.INSERTED, 12, 12),
        new Tamper("swap records 10 and 11", l -> swapped(l, 10, 11), Kind.OUT_OF_ORDER, 10, 10),
        new Tamper(
            "move record 3 to the end",
            l -> inserted(without(l, 3), RECORDS, l.get(2)),
            Kind.OUT_OF_ORDER,
            3,
            3),
        new Tamper(
            "cut from inside record 4 into record 9", l -> spliced(l, 4, 9), Kind.MALFORMED, 4, 4),
        new Tamper("rehash a changed record 6", l -> rehashed(l, 6), Kind.CHANGED, 7, 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampers")
  void removingInsertingOrReorderingIsDetectedAtTheRightRecord(Tamper tamper) throws IOException {
    journal(false);
    write(tamper.change().apply(new ArrayList<>(lines)));

    Verification.Problem problem = verify(false).problem().orElseThrow();

    assertThat(problem.kind()).isEqualTo(tamper.kind());
    assertThat(problem.line()).isEqualTo(tamper.line());
    assertThat(problem.seq()).isEqualTo(tamper.seq());
  }

  @Test
  void truncationInsideARecordIsATornTailAndTheExpectedHeadRevealsIt() throws IOException {
    journal(false);
    Verification.Head head = verify(false).head().orElseThrow();
    byte[] all = Files.readAllBytes(segment);
    int cut = 0;
    for (int i = 0; i < 19; i++) {
      cut += lines.get(i).length + 1;
    }
    Files.write(segment, Arrays.copyOf(all, cut + 17));

    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      Verification plain = journal.verify();
      assertThat(plain.intact()).isTrue();
      assertThat(plain.tornTails())
          .singleElement()
          .satisfies(t -> assertThat(t.line()).isEqualTo(20));
      Verification anchored = journal.verify(head);
      assertThat(anchored.problem().orElseThrow().kind()).isEqualTo(Kind.TRUNCATED);
      assertThat(anchored.problem().orElseThrow().seq()).isEqualTo(20);
    }
  }

  @Test
  void droppingWholeRecordsOffTheEndIsCaughtByTheExpectedHead() throws IOException {
    journal(false);
    Verification.Head head = verify(false).head().orElseThrow();
    write(lines.subList(0, RECORDS - 2));

    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      assertThat(journal.verify().intact()).isTrue();
      Verification.Problem problem = journal.verify(head).problem().orElseThrow();
      assertThat(problem.kind()).isEqualTo(Kind.TRUNCATED);
      assertThat(problem.seq()).isEqualTo(RECORDS - 1);
    }
  }

  @Test
  void rewritingTheWholeChainPassesWithoutAKeyButNotWithOne() throws IOException {
    journal(true);
    List<byte[]> forged = rechained(lines, 9, "task of b", "task of z");
    assertThat(new String(forged.get(8), StandardCharsets.UTF_8)).contains("task of z");
    write(forged);

    assertThat(verify(false).intact()).as("an unsigned check cannot tell").isTrue();
    Verification.Problem problem = verify(true).problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Kind.BAD_SIGNATURE);
    assertThat(problem.line()).isEqualTo(9);
  }

  @Test
  void aRecordMovedIntoALaterSegmentIsOutOfOrderNotMissing() throws IOException {
    JournalOptions options =
        JournalOptions.builder().durability(Durability.NONE).segmentBytes(4096).build();
    try (FileJournal journal = FileJournal.open(dir, options)) {
      for (int run = 0; run < 12; run++) {
        JournalEvents.run("run-" + run, 3).forEach(journal::append);
      }
    }
    List<Path> segments;
    try (Stream<Path> files = Files.list(dir)) {
      segments = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
    }
    assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
    List<String> second = SegmentEdits.lines(segments.get(1));
    List<String> third = SegmentEdits.lines(segments.get(2));
    long moved = Long.parseLong(second.get(0).substring(7, second.get(0).indexOf(',')));
    third.add(second.remove(0));
    SegmentEdits.write(segments.get(1), second);
    SegmentEdits.write(segments.get(2), third);

    Verification.Problem problem = verify(false).problem().orElseThrow();

    assertThat(problem.kind()).isEqualTo(Kind.OUT_OF_ORDER);
    assertThat(problem.seq()).isEqualTo(moved);
    assertThat(problem.segment()).isEqualTo(segments.get(1).getFileName().toString());
  }

  private static List<byte[]> without(List<byte[]> lines, int record) {
    List<byte[]> out = new ArrayList<>(lines);
    out.remove(record - 1);
    return out;
  }

  private static List<byte[]> inserted(List<byte[]> lines, int position, byte[] line) {
    List<byte[]> out = new ArrayList<>(lines);
    out.add(position - 1, line);
    return out;
  }

  private static List<byte[]> swapped(List<byte[]> lines, int a, int b) {
    List<byte[]> out = new ArrayList<>(lines);
    out.set(a - 1, lines.get(b - 1));
    out.set(b - 1, lines.get(a - 1));
    return out;
  }

  private static List<byte[]> spliced(List<byte[]> lines, int from, int to) {
    List<byte[]> out = new ArrayList<>(lines.subList(0, from - 1));
    byte[] head = Arrays.copyOf(lines.get(from - 1), lines.get(from - 1).length / 2);
    byte[] tail = lines.get(to - 1);
    byte[] joined = Arrays.copyOf(head, head.length + tail.length / 2);
    System.arraycopy(tail, tail.length - tail.length / 2, joined, head.length, tail.length / 2);
    out.add(joined);
    out.addAll(lines.subList(to, lines.size()));
    return out;
  }

  /** Changes record {@code record}'s event and gives it a correct hash; later records untouched. */
  private static List<byte[]> rehashed(List<byte[]> lines, int record) {
    List<byte[]> out = new ArrayList<>(lines);
    out.set(
        record - 1,
        reencode(
            new String(lines.get(record - 1), StandardCharsets.UTF_8),
            null,
            "\"n\":3",
            "\"n\":9",
            null));
    return out;
  }

  /** Changes record {@code from} and re-chains every record after it, as a keyless forger would. */
  private static List<byte[]> rechained(List<byte[]> lines, int from, String find, String put) {
    List<byte[]> out = new ArrayList<>(lines.subList(0, from - 1));
    String prev = hashOf(new String(lines.get(from - 2), StandardCharsets.UTF_8));
    for (int i = from - 1; i < lines.size(); i++) {
      byte[] line =
          reencode(new String(lines.get(i), StandardCharsets.UTF_8), prev, find, put, null);
      out.add(line);
      prev = hashOf(new String(line, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static byte[] reencode(String line, String prev, String find, String put, byte[] key) {
    return SegmentEdits.reencode(line, prev, event -> event.replace(find, put), key);
  }

  private static String hashOf(String line) {
    return SegmentEdits.hashOf(line);
  }
}
