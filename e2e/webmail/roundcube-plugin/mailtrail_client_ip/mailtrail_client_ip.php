<?php

/**
 * Tells the mail server behind Roundcube who the end user really is: the browser's address and port go into the
 * IMAP ID command as x-originating-ip and x-originating-port, the convention of Dovecot's own login proxy and of
 * the public dovecot_client_ip and dovecot_ident plugins. They go in Roundcube's preauth_ident (1.5 and later),
 * which is sent before LOGIN: Dovecot, and an auditing proxy, decide who logs in from where at LOGIN and ignore
 * an address named after it. Either believes them only from a webmail host it trusts.
 * Submission needs no code: Roundcube's smtp_xclient_addr sends XCLIENT ADDR= itself. Net_Sieve, which the
 * managesieve plugin uses, has no way to send a client address, so ManageSieve gets none.
 */
class mailtrail_client_ip extends rcube_plugin
{
    public function init()
    {
        $this->add_hook('storage_connect', [$this, 'storage_connect']);
    }

    public function storage_connect($args)
    {
        $client = [
            'x-originating-ip' => $_SERVER['REMOTE_ADDR'],
            'x-originating-port' => (string) $_SERVER['REMOTE_PORT'],
        ];
        $ident = empty($args['preauth_ident']) ? [] : $args['preauth_ident'];
        $args['preauth_ident'] = array_merge($ident, $client);
        return $args;
    }
}
