package dev.gwellbridge.wire;

/**
 * A GUTES message (GWELL-PROTOCOL.md §6): an immutable record with its codec alongside. The
 * subtype constants carry the protocol's own names.
 */
public sealed interface GutesMessage
        permits CertifyReq,
                CertifyResp,
                RoutingId,
                InitInfoMsg,
                DeviceList,
                Subscribe,
                SubscribeResp,
                Inner,
                Calling,
                CallingAck,
                ResResponse,
                ResRequest,
                Heartbeat,
                PortMessage,
                DetectReq2,
                DetectResp,
                ListFrmRequest,
                DetectRequest {

    /** DetectReq2: server and camera probe. */
    int SUB_DETECT_REQ2 = 0x01;
    /** DetectResp: a server's or camera's answer to DetectReq2. */
    int SUB_DETECT_RESP = 0x02;
    /** CertifyReq, and the usual subtype of CertifyResp. */
    int SUB_CERTIFY_REQ = 0x0C;
    /** Routing-id frame; also accepted as CertifyResp during certify. */
    int SUB_SESSION_RESP = 0x0D;
    /** ListFrmRequest to a list server. */
    int SUB_LIST_FRM_REQUEST = 0x15;
    /** ListFrmResponse from a list server (scanned heuristically). */
    int SUB_LIST_FRM_RESPONSE = 0x16;
    /** DetectRequest (built by the reference, never sent). */
    int SUB_DETECT_REQUEST = 0x17;
    /** Heartbeat. */
    int SUB_HEARTBEAT = 0xA0;
    /** MTP_RES_REQUEST. */
    int SUB_MTP_RES_REQUEST = 0xA2;
    /** MTP_RES_RESPONSE. */
    int SUB_MTP_RES_RESPONSE = 0xA3;
    /** CALLING, and the server's CALLING ACK. */
    int SUB_CALLING = 0xA4;
    /** InitInfoMsg. */
    int SUB_INIT_INFO_MSG = 0xA6;
    /** InitInfoResp: the device list. */
    int SUB_INIT_INFO_RESP = 0xA7;
    /** Push notification; belongs to other sessions and is ignored. */
    int SUB_PUSH = 0xAA;
    /** Subscribe (device-id and token modes). */
    int SUB_SUBSCRIBE = 0xB0;
    /** SubscribeResp. */
    int SUB_SUBSCRIBE_RESP = 0xB1;
    /** P2P inner message: NetworkDetect and PASSTHROUGH. */
    int SUB_P2P_INNER = 0xB9;
    /** PortStatReq and SessionSocket. */
    int SUB_PORT_STAT_REQ = 0xCA;
    /** PortStatResp. */
    int SUB_PORT_STAT_RESP = 0xCB;

    /** The subtype byte of this message's frame. */
    int subtype();
}
