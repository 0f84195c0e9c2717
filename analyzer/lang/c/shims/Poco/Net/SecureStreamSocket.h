// tlslint shim: <Poco/Net/SecureStreamSocket.h>.
#include <Poco/Net/Context.h>
