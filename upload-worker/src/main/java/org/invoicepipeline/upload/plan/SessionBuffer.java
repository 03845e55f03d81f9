package org.invoicepipeline.upload.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.common.events.RetryGenerations;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.validation.ValidatedFile;

/**
 * Valid files waiting to be planned, grouped by (profile, batch key). A group is due when it reaches the
 * file limit, when the next file would push it over the byte limit or its encoded plan over the plan budget, or
 * when its first file has lingered long enough; a file without a batch key is a group of its own and due at once.
 * A file id waits at most once, whatever group it names.
 * <p>
 * Groups taken for a flush stay accounted for until the flush is {@linkplain #confirm confirmed}: the lowest
 * offset still waiting (below which offsets may be committed) counts them, so a flush that fails can never let a
 * later commit pass registrations it took.
 */
final class SessionBuffer {

    /**
     * One waiting file.
     *
     * @param planBytes the file's share of its encoded plan (see {@link PlanBudget}); 0 when not measured
     * @param origin    the registration record, or null
     */
    record Entry(TopicPartition partition, long offset, ValidatedFile file, long planBytes, RegistrationOrigin origin) {
    }

    record GroupKey(String profile, String batchKey) {

        /** The group a registration names; an empty batch key is no batch key. */
        static GroupKey of(FileRegistered event) {
            String batchKey = event.getBatchKey();
            return new GroupKey(event.getProfile(), batchKey == null || batchKey.isEmpty() ? null : batchKey);
        }
    }

    static final class Group {
        final GroupKey key;
        final long startedAt;
        final List<Entry> entries = new ArrayList<>();
        long bytes;
        long planBytes;

        Group(GroupKey key, long startedAt, long envelopeBytes) {
            this.key = key;
            this.startedAt = startedAt;
            this.planBytes = envelopeBytes;
        }
    }

    private final int maxFiles;
    private final long maxBytes;
    private final long maxPlanBytes;
    private final ToLongFunction<GroupKey> envelopeBytes;
    private final long lingerMillis;
    private final Map<GroupKey, Group> open = new LinkedHashMap<>();
    private final List<Group> due = new ArrayList<>();
    /** Taken by a flush that has not been confirmed yet. */
    private final Set<Group> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Every file id in {@code open}, {@code due} and {@code inFlight}; concurrent so the gauge may read its size. */
    private final Map<String, GroupKey> waitingFileIds = new ConcurrentHashMap<>();

    /** A buffer without a plan budget. */
    SessionBuffer(int maxFiles, long maxBytes, long lingerMillis) {
        this(maxFiles, maxBytes, Long.MAX_VALUE, key -> 0, lingerMillis);
    }

    /**
     * @param maxPlanBytes  most bytes of one encoded plan
     * @param envelopeBytes the bytes of a group's plan without files
     */
    SessionBuffer(int maxFiles, long maxBytes, long maxPlanBytes, ToLongFunction<GroupKey> envelopeBytes,
                  long lingerMillis) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        this.maxPlanBytes = maxPlanBytes;
        this.envelopeBytes = envelopeBytes;
        this.lingerMillis = lingerMillis;
    }

    /** Adds a valid file without plan measurements (see the other overload). */
    boolean add(TopicPartition partition, long offset, ValidatedFile file, long now) {
        return add(new Entry(partition, offset, file, 0, null), now);
    }

    /**
     * Adds a valid file, unless its id already waits (in any group): returns false then and keeps the first. The
     * caller has made sure the entry fits a plan on its own ({@link PlanBudget#fitsAlone}).
     */
    boolean add(Entry entry, long now) {
        ValidatedFile file = entry.file();
        String fileId = RetryGenerations.workKey(file.event());
        if (waitingFileIds.containsKey(fileId)) {
            return false;
        }
        GroupKey key = GroupKey.of(file.event());
        waitingFileIds.put(fileId, key);
        if (key.batchKey() == null) {
            Group single = new Group(key, now, envelopeBytes.applyAsLong(key));
            append(single, entry);
            due.add(single);
            return true;
        }
        Group group = open.get(key);
        if (group != null && (group.bytes + file.sizeBytes() > maxBytes
                || group.planBytes + entry.planBytes() > maxPlanBytes)) {
            due.add(open.remove(key));
            group = null;
        }
        if (group == null) {
            group = new Group(key, now, envelopeBytes.applyAsLong(key));
            open.put(key, group);
        }
        append(group, entry);
        if (group.entries.size() >= maxFiles) {
            due.add(open.remove(key));
        }
        return true;
    }

    private static void append(Group group, Entry entry) {
        group.entries.add(entry);
        group.bytes += entry.file().sizeBytes();
        group.planBytes += entry.planBytes();
    }

    /** The group the work {@code fileId} (a work key, {@link RetryGenerations#workKey}) waits in, if it waits. */
    Optional<GroupKey> waitingGroupOf(String fileId) {
        return Optional.ofNullable(waitingFileIds.get(fileId));
    }

    /**
     * Takes the groups due now (all of them when {@code everything}) for a flush. They still count as waiting
     * until {@link #confirm} says their plans are committed.
     */
    List<Group> takeDue(long now, boolean everything) {
        for (Iterator<Group> it = open.values().iterator(); it.hasNext(); ) {
            Group group = it.next();
            if (everything || now - group.startedAt >= lingerMillis) {
                due.add(group);
                it.remove();
            }
        }
        List<Group> result = new ArrayList<>(due);
        due.clear();
        inFlight.addAll(result);
        return result;
    }

    /** The plans of {@code groups} are committed: they no longer wait. */
    void confirm(Collection<Group> groups) {
        for (Group group : groups) {
            if (inFlight.remove(group)) {
                group.entries.forEach(entry -> waitingFileIds.remove(RetryGenerations.workKey(entry.file().event())));
            }
        }
    }

    /** The lowest offset of {@code partition} still waiting (open, due or taken but not confirmed), if any. */
    OptionalLong lowestWaitingOffset(TopicPartition partition) {
        return lowestWaitingOffset(partition, List.of());
    }

    /**
     * The lowest offset of {@code partition} still waiting, not counting {@code committedWith}: the groups whose
     * plans the same transaction as the offsets writes.
     */
    OptionalLong lowestWaitingOffset(TopicPartition partition, Collection<Group> committedWith) {
        Set<Group> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        excluded.addAll(committedWith);
        return Stream.of(open.values().stream(), due.stream(), inFlight.stream())
                .flatMap(s -> s)
                .filter(group -> !excluded.contains(group))
                .flatMap(g -> g.entries.stream())
                .filter(e -> e.partition().equals(partition))
                .mapToLong(Entry::offset)
                .min();
    }

    /** Files waiting, open, due or in flight; may be read from any thread (the planner's gauge). */
    int waitingFiles() {
        return waitingFileIds.size();
    }

    void clear() {
        open.clear();
        due.clear();
        inFlight.clear();
        waitingFileIds.clear();
    }
}
