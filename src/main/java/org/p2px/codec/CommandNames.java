package org.p2px.codec;

/**
 * The schema's name of each command, by template id: what the metrics tag commands with. Off the hot path: the core
 * thread counts commands by template id, and names are looked up where they are read.
 */
public final class CommandNames
{
    /** Commands have template ids 1 to 99 (events 100 and up): see the schema. */
    public static final int MAX_TEMPLATE_ID = 99;

    private CommandNames()
    {
    }

    /** The command's name as the schema spells it ({@code TakeAd}), or null for an id that is no command. */
    public static String of(final int templateId)
    {
        return switch (templateId)
        {
            case DefineAssetDecoder.TEMPLATE_ID -> "DefineAsset";
            case CreateMarketDecoder.TEMPLATE_ID -> "CreateMarket";
            case SetIndexPriceDecoder.TEMPLATE_ID -> "SetIndexPrice";
            case RegisterUserDecoder.TEMPLATE_ID -> "RegisterUser";
            case SetUserRoleDecoder.TEMPLATE_ID -> "SetUserRole";
            case SetUserKycDecoder.TEMPLATE_ID -> "SetUserKyc";
            case DepositDecoder.TEMPLATE_ID -> "Deposit";
            case WithdrawDecoder.TEMPLATE_ID -> "Withdraw";
            case CreateAdDecoder.TEMPLATE_ID -> "CreateAd";
            case UpdateAdDecoder.TEMPLATE_ID -> "UpdateAd";
            case SetAdStatusDecoder.TEMPLATE_ID -> "SetAdStatus";
            case ChangeAdQuantityDecoder.TEMPLATE_ID -> "ChangeAdQuantity";
            case TakeAdDecoder.TEMPLATE_ID -> "TakeAd";
            case ExpressDecoder.TEMPLATE_ID -> "Express";
            case MarkPaidDecoder.TEMPLATE_ID -> "MarkPaid";
            case ReleaseDecoder.TEMPLATE_ID -> "Release";
            case CancelOrderDecoder.TEMPLATE_ID -> "CancelOrder";
            case RequestCancelDecoder.TEMPLATE_ID -> "RequestCancel";
            case ReviewCancelRequestDecoder.TEMPLATE_ID -> "ReviewCancelRequest";
            case AppealDecoder.TEMPLATE_ID -> "Appeal";
            case WithdrawAppealDecoder.TEMPLATE_ID -> "WithdrawAppeal";
            case ResolveDisputeDecoder.TEMPLATE_ID -> "ResolveDispute";
            case BlockUserDecoder.TEMPLATE_ID -> "BlockUser";
            case UnblockUserDecoder.TEMPLATE_ID -> "UnblockUser";
            case TickDecoder.TEMPLATE_ID -> "Tick";
            case SetRulesDecoder.TEMPLATE_ID -> "SetRules";
            case RecordAttachmentDecoder.TEMPLATE_ID -> "RecordAttachment";
            default -> null;
        };
    }
}
