package org.invoicepipeline.common.ratelimit.share;

import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.common.kafka.StageNames;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which stage draws on which endpoint group, and with what weight when two stages share a group. An instance's
 * fraction of a group's limit is the sum, over the stages it runs, of {@code weight × partition share}; the weights
 * of a group add up to 1, so all instances of all stages together never exceed the limit.
 *
 * <ul>
 *   <li>submissions: the submit stage gets {@code 1 - resubmissionShare}, poll's resubmissions of retryable
 *       failures get {@code resubmissionShare};</li>
 *   <li>credits: submit (admission) and poll (failure diagnosis) get half each;</li>
 *   <li>every other group has one stage, which gets all of it.</li>
 * </ul>
 * A group none of the instance's stages draws on is not divided (fraction 1): the stages never call it, and a
 * test or tool sharing the JVM's limiter is not starved. A stage that owns no partition yet gets no share of its
 * groups (the limiter then allows one request per window).
 */
public record GroupDivision(double resubmissionShare) {

    public GroupDivision {
        if (!(resubmissionShare > 0 && resubmissionShare < 1)) {
            throw new IllegalArgumentException("resubmissionShare must be in (0, 1), was " + resubmissionShare);
        }
    }

    /** The weight of {@code stage} in {@code group}; 0 when the stage does not call the group's endpoints. */
    public double weight(String stage, EndpointGroup group) {
        return switch (stage) {
            case StageNames.UPLOAD -> group == EndpointGroup.UPLOADS || group == EndpointGroup.IMPORT ? 1 : 0;
            case StageNames.SUBMIT -> switch (group) {
                case SUBMIT -> 1 - resubmissionShare;
                case CREDITS -> 0.5;
                case LIST -> 1;
                default -> 0;
            };
            case StageNames.POLL -> switch (group) {
                case SUBMIT -> resubmissionShare;
                case CREDITS -> 0.5;
                case STATUS, ANSWERS, CANCEL -> 1;
                default -> 0;
            };
            case StageNames.DOWNLOAD -> switch (group) {
                case RESULTS, OUTPUT, DELETE, DETAILS -> 1;
                default -> 0;
            };
            default -> 0;
        };
    }

    /**
     * The fraction of each group's limit an instance may use, from the partition share of each stage it runs.
     *
     * @param stageShares partition share per stage name, for the stages this instance runs
     */
    public Map<EndpointGroup, Double> fractions(Map<String, Double> stageShares) {
        Map<EndpointGroup, Double> fractions = new EnumMap<>(EndpointGroup.class);
        for (EndpointGroup group : EndpointGroup.values()) {
            double fraction = 0;
            boolean drawnOn = false;
            for (Map.Entry<String, Double> stage : stageShares.entrySet()) {
                double weight = weight(stage.getKey(), group);
                drawnOn |= weight > 0;
                fraction += weight * stage.getValue();
            }
            fractions.put(group, drawnOn ? Math.min(1.0, fraction) : 1.0);
        }
        return fractions;
    }
}
