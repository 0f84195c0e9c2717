// tlslint shim: <boost/asio/ssl/context.hpp>.
#include <boost/asio/ssl.hpp>
