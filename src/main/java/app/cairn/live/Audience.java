package app.cairn.live;

/** Who a view of the live state is for; each sees a different amount. */
public enum Audience {
    /** People taking part: visible contributions, poll results only when shown. */
    participant,
    /** The screen shared on the video call: like participants, large, no controls. */
    presenter,
    /** Facilitators, hosts and moderators: everything, including hidden items and why. */
    staff
}
