using ClaudBot.Bot.Replies;
using Microsoft.Extensions.Logging;
using Polly;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ClaudBot.Telegram;

/// <summary>
/// Sends a reply to a chat: text as HTML messages split at the limit, pictures as photos, files as
/// documents, and a yes/no or a choice as inline buttons on the last message. Sends are retried on
/// transient errors; one that still fails is logged and skipped, never thrown into the chat's loop.
/// </summary>
internal sealed class TelegramSender(ITelegramBotClient bot, ResiliencePipeline retry, ILogger logger)
{
    /// <summary>Callback data: <c>c:TOKEN:y</c> / <c>c:TOKEN:n</c> for a yes/no, <c>p:TOKEN</c> for a choice.</summary>
    public static InlineKeyboardMarkup? Buttons(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Confirm is { } confirm)
        {
            return new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(confirm.YesLabel, $"c:{confirm.Token}:y"), InlineKeyboardButton.WithCallbackData(confirm.NoLabel, $"c:{confirm.Token}:n")]]);
        }

        return reply.Choices.Count > 0
            ? new InlineKeyboardMarkup(reply.Choices.Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Label, $"p:{c.Token}") }))
            : null;
    }

    public async Task SendAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var messages = TelegramHtml.Messages(reply.Parts);
        var buttons = Buttons(reply);
        for (int i = 0; i < messages.Count; i++)
        {
            var markup = i == messages.Count - 1 ? buttons : null;
            await SendTextAsync(chatId, messages[i], markup, cancellationToken).ConfigureAwait(false);
        }

        foreach (var part in reply.Parts)
        {
            if (part is ImagePart image)
            {
                await TryAsync(chatId, ct => bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(image.Png.ToArray()), image.FileName), caption: TelegramHtml.Caption(image.Caption), parseMode: ParseMode.Html, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            }
            else if (part is DocumentPart document)
            {
                await TryAsync(chatId, ct => bot.SendDocument(chatId, InputFile.FromStream(new MemoryStream(document.Content.ToArray()), document.FileName), caption: TelegramHtml.Caption(document.Caption), parseMode: ParseMode.Html, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            }
        }

        if (messages.Count == 0 && buttons is not null)
        {
            await SendTextAsync(chatId, "?", buttons, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The retry pipeline sends go through, for other calls to the Bot API.</summary>
    public ResiliencePipeline Retry => retry;

    public Task<Message?> SendTextAsync(long chatId, string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken) =>
        TryAsync(chatId, ct => bot.SendMessage(chatId, html, parseMode: ParseMode.Html, replyMarkup: buttons, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct), cancellationToken);

    public Task<Message?> EditTextAsync(long chatId, int messageId, string html, CancellationToken cancellationToken) =>
        TryAsync(chatId, ct => bot.EditMessageText(chatId, messageId, html, parseMode: ParseMode.Html, cancellationToken: ct), cancellationToken);

    public Task<Message?> RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken) =>
        TryAsync(chatId, ct => bot.EditMessageReplyMarkup(chatId, messageId, replyMarkup: null, cancellationToken: ct), cancellationToken);

    private async Task<Message?> TryAsync(long chatId, Func<CancellationToken, Task<Message>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.ExecuteAsync(async ct => await send(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.SendFailed(logger, chatId, error.Message);
            return null;
        }
    }
}
