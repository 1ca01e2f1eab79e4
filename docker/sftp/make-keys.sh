#!/bin/sh
# Makes the keys the sample SFTP server in docker-compose.yml needs, once, under docker/sftp/keys/:
# the server's host key, Gugus's login key, and the known_hosts that lists the server's key.
# Nothing here is a real office's secret; keys/ is ignored by git.
set -e
cd "$(dirname "$0")"
mkdir -p keys
[ -f keys/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -C sftp-sample-host -f keys/ssh_host_ed25519_key
[ -f keys/gugus_ed25519 ] || ssh-keygen -q -t ed25519 -N '' -C gugus -f keys/gugus_ed25519
# Gugus reaches the server as "sftp" on port 22 inside the compose network
echo "sftp $(cut -d' ' -f1,2 keys/ssh_host_ed25519_key.pub)" > keys/known_hosts
chmod 644 keys/gugus_ed25519 keys/known_hosts
echo "keys ready in $(pwd)/keys"
