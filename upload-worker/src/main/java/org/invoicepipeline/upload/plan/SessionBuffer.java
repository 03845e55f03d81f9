package org.invoicepipeline.upload.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.validation.ValidatedFile;

/**
 * Valid files waiting to be planned, grouped by (profile, batch key). A group is due when it reaches the
 * file limit, when the next file would push it over the byte limit, or when its first file has lingered
 * long enough; a file without a batch key is a group of its own and due at once. A file id waits at most
 * once, whatever group it names. The buffer also tells the planner the lowest offset per partition still
 * waiting, below which offsets may be committed.
 */
final class SessionBuffer {

    record Entry(TopicPartition partition, long offset, ValidatedFile file) {
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

        Group(GroupKey key, long startedAt) {
            this.key = key;
            this.startedAt = startedAt;
        }
    }

    private final int maxFiles;
    private final long maxBytes;
    private final long lingerMillis;
    private final Map<GroupKey, Group> open = new LinkedHashMap<>();
    private final List<Group> due = new ArrayList<>();
    /** Every file id in {@code open} and {@code due}; concurrent only so the gauge may read its size. */
    private final Map<String, GroupKey> waitingFileIds = new ConcurrentHashMap<>();

    SessionBuffer(int maxFiles, long maxBytes, long lingerMillis) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        this.lingerMillis = lingerMillis;
    }

    /**
     * Adds a valid file, unless its id already waits (in any group): returns false then and keeps the first.
     */
    boolean add(TopicPartition partition, long offset, ValidatedFile file, long now) {
        String fileId = file.event().getFileId();
        if (waitingFileIds.containsKey(fileId)) {
            return false;
        }
        GroupKey key = GroupKey.of(file.event());
        Entry entry = new Entry(partition, offset, file);
        waitingFileIds.put(fileId, key);
        if (key.batchKey() == null) {
            Group single = new Group(key, now);
            single.entries.add(entry);
            single.bytes = file.sizeBytes();
            due.add(single);
            return true;
        }
        Group group = open.get(key);
        if (group != null && group.bytes + file.sizeBytes() > maxBytes) {
            due.add(open.remove(key));
            group = null;
        }
        if (group == null) {
            group = new Group(key, now);
            open.put(key, group);
        }
        group.entries.add(entry);
        group.bytes += file.sizeBytes();
        if (group.entries.size() >= maxFiles) {
            due.add(open.remove(key));
        }
        return true;
    }

    /** The group {@code fileId} waits in, if it waits. */
    Optional<GroupKey> waitingGroupOf(String fileId) {
        return Optional.ofNullable(waitingFileIds.get(fileId));
    }

    /** Removes and returns the groups due now (all of them when {@code everything}). */
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
        result.forEach(group -> group.entries.forEach(entry -> waitingFileIds.remove(entry.file().event().getFileId())));
        return result;
    }

    /** The lowest offset of {@code partition} still waiting in an open group, if any. */
    OptionalLong lowestWaitingOffset(TopicPartition partition) {
        return open.values().stream()
                .flatMap(g -> g.entries.stream())
                .filter(e -> e.partition().equals(partition))
                .mapToLong(Entry::offset)
                .min();
    }

    /** Files waiting, open or due; may be read from any thread (the planner's gauge). */
    int waitingFiles() {
        return waitingFileIds.size();
    }

    void clear() {
        open.clear();
        due.clear();
        waitingFileIds.clear();
    }
}
