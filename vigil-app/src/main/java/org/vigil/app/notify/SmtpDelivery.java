package org.vigil.app.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.vigil.model.notify.OutboxMessage;

/**
 * E-mail through the configured SMTP server (Angus Mail). The Message-ID is derived from the
 * delivery key, so a retried message carries the same id and a mail system can drop the copy.
 */
final class SmtpDelivery implements Delivery {
  private final NotifyConfig config;
  private final Session session;

  SmtpDelivery(NotifyConfig config) {
    this.config = config;
    Properties p = new Properties();
    p.put("mail.smtp.host", config.smtpHost());
    p.put("mail.smtp.port", String.valueOf(config.smtpPort()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(config.timeout().toMillis()));
    p.put("mail.smtp.timeout", String.valueOf(config.timeout().toMillis()));
    p.put("mail.smtp.writetimeout", String.valueOf(config.timeout().toMillis()));
    p.put("mail.smtp.starttls.enable", String.valueOf(config.smtpStartTls()));
    p.put("mail.smtp.starttls.required", String.valueOf(config.smtpStartTls()));
    p.put("mail.smtp.auth", String.valueOf(!config.smtpUser().isEmpty()));
    this.session = Session.getInstance(p);
  }

  @Override
  public String send(OutboxMessage m) throws MessagingException {
    String id = "<" + Delivery.messageId(m.deliveryKey()) + "@vigil>";
    MimeMessage msg =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    msg.setFrom(new InternetAddress(config.from()));
    msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.target(), true));
    msg.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    msg.setText(m.body(), StandardCharsets.UTF_8.name());
    msg.setHeader("X-Vigil-Delivery-Key", m.deliveryKey());
    msg.setHeader("X-Vigil-Outbox-Id", String.valueOf(m.id()));
    if (config.smtpUser().isEmpty()) {
      Transport.send(msg);
    } else {
      Transport.send(msg, config.smtpUser(), config.smtpPassword());
    }
    return "accepted by " + config.smtpHost() + ":" + config.smtpPort() + " as " + id;
  }
}
