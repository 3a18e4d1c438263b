package uk.supervision.measure;

/** Who the people measures count at the end of a period, and who they leave out and why (docs/measures.md). */
public record Population(long counted, long leavers, long firstWeek, long agencyUnder10Hours) {
    public static final Population NONE = new Population(0, 0, 0, 0);
}
